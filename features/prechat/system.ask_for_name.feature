@prechat @operator
Feature: system.ask_for_name
  The documentation ("Require name"): "Require visitors fill out their name in the pre-chat survey before chatting. This requires the pre-chat survey to be enabled
  first." Values: 'required', 'optional' or 'hidden'.

  Decisions where the documentation is silent: 'hidden' (the default) leaves the question
  out; 'optional' may be left empty; 'required' blocks the chat until answered, showing
  `locale.introduction_error_text`. Without features.prechat_survey it has no effect.

  Background:
    Given an operator "Alice" is available

  Scenario: a required full name must be given before chatting
    Given the embed code configures:
      """
      olark.configure('features.prechat_survey', true);
      olark.configure('system.ask_for_name', 'required');
      """
    And the visitor is on a page with the widget
    And the visitor clicks the launcher
    When the visitor clicks the pre-chat submit button
    Then the pre-chat error is displayed
    And the message input is not displayed
    When the visitor types "Ada Lovelace" into the pre-chat name field
    And the visitor clicks the pre-chat submit button
    Then the message input is displayed
    And getDetails reports:
      """
      {"fullName": "Ada Lovelace"}
      """

  Scenario: an optional full name may be left empty
    Given the embed code configures:
      """
      olark.configure('features.prechat_survey', true);
      olark.configure('system.ask_for_name', 'optional');
      """
    And the visitor is on a page with the widget
    And the visitor clicks the launcher
    And the pre-chat name field is displayed
    When the visitor clicks the pre-chat submit button
    Then the message input is displayed

  Scenario: a hidden full name is not asked
    Given the embed code configures:
      """
      olark.configure('features.prechat_survey', true);
      olark.configure('system.ask_for_name', 'hidden');
      olark.configure('system.ask_for_email', 'required');
      """
    And the visitor is on a page with the widget
    When the visitor clicks the launcher
    Then the pre-chat form is displayed
    And the pre-chat name field is not displayed

  Scenario: without the survey, asking for the full name has no effect
    Given the embed code configures:
      """
      olark.configure('system.ask_for_name', 'required');
      """
    And the visitor is on a page with the widget
    When the visitor clicks the launcher
    Then the message input is displayed
