@prechat @operator
Feature: system.ask_for_phone
  The documentation ("Require phone number"): "Require visitors fill out their phone number in the pre-chat survey before chatting. This requires the pre-chat survey to be enabled
  first." Values: 'required', 'optional' or 'hidden'.

  Decisions where the documentation is silent: 'hidden' (the default) leaves the question
  out; 'optional' may be left empty; 'required' blocks the chat until answered, showing
  `locale.introduction_error_text`. Without features.prechat_survey it has no effect.

  Background:
    Given an operator "Alice" is available

  Scenario: a required phone number must be given before chatting
    Given the embed code configures:
      """
      olark.configure('features.prechat_survey', true);
      olark.configure('system.ask_for_phone', 'required');
      """
    And the visitor is on a page with the widget
    And the visitor clicks the launcher
    When the visitor clicks the pre-chat submit button
    Then the pre-chat error is displayed
    And the message input is not displayed
    When the visitor types "(123) 456-7890" into the pre-chat phone field
    And the visitor clicks the pre-chat submit button
    Then the message input is displayed
    And getDetails reports:
      """
      {"phoneNumber": "(123) 456-7890"}
      """

  Scenario: an optional phone number may be left empty
    Given the embed code configures:
      """
      olark.configure('features.prechat_survey', true);
      olark.configure('system.ask_for_phone', 'optional');
      """
    And the visitor is on a page with the widget
    And the visitor clicks the launcher
    And the pre-chat phone field is displayed
    When the visitor clicks the pre-chat submit button
    Then the message input is displayed

  Scenario: a hidden phone number is not asked
    Given the embed code configures:
      """
      olark.configure('features.prechat_survey', true);
      olark.configure('system.ask_for_phone', 'hidden');
      olark.configure('system.ask_for_name', 'required');
      """
    And the visitor is on a page with the widget
    When the visitor clicks the launcher
    Then the pre-chat form is displayed
    And the pre-chat phone field is not displayed

  Scenario: without the survey, asking for the phone number has no effect
    Given the embed code configures:
      """
      olark.configure('system.ask_for_phone', 'required');
      """
    And the visitor is on a page with the widget
    When the visitor clicks the launcher
    Then the message input is displayed
