@configure @prechat @operator
Feature: features.prechat_survey
  The documentation: "You can enable the Pre-chat Survey feature on a specific page. This
  can also be done on your Behavior and Text settings page." Example:
  `olark.configure('features.prechat_survey', true);` The system.ask_for_* keys choose
  the questions.

  Decisions where the documentation is silent:
  - The survey comes before the first message: while no conversation has begun, opening
    the chatbox shows the survey instead of the message input; once answered, the chat
    input appears.
  - Answers become the visitor's details (getDetails, the operator's visitor list).
  - The survey texts are `locale.introduction_messages` and
    `locale.introduction_submit_button_text`; a missing required answer shows
    `locale.introduction_error_text` and does not start the chat.

  Background:
    Given an operator "Alice" is available

  Scenario: the survey comes before the chat
    Given the embed code configures:
      """
      olark.configure('features.prechat_survey', true);
      olark.configure('system.ask_for_name', 'required');
      """
    And the visitor is on a page with the widget
    When the visitor clicks the launcher
    Then the pre-chat form is displayed
    And the message input is not displayed

  Scenario: answering the survey starts the chat and the answers reach the operator
    Given the embed code configures:
      """
      olark.configure('features.prechat_survey', true);
      olark.configure('system.ask_for_name', 'required');
      olark.configure('system.ask_for_email', 'required');
      """
    And the visitor is on a page with the widget
    And the visitor clicks the launcher
    When the visitor types "Ada Lovelace" into the pre-chat name field
    And the visitor types "ada@example.com" into the pre-chat email field
    And the visitor clicks the pre-chat submit button
    Then the message input is displayed
    And the operator sees the visitor's full name "Ada Lovelace"
    And getDetails reports:
      """
      {"fullName": "Ada Lovelace", "emailAddress": "ada@example.com"}
      """

  Scenario: the survey texts are localizable
    Given the embed code configures:
      """
      olark.configure('features.prechat_survey', true);
      olark.configure('system.ask_for_name', 'required');
      olark.configure('locale.introduction_messages', 'Tell us who you are');
      olark.configure('locale.introduction_submit_button_text', 'Go');
      """
    And the visitor is on a page with the widget
    When the visitor clicks the launcher
    Then the pre-chat form shows the text "Tell us who you are"
    And the pre-chat submit button shows the text "Go"

  Scenario: without features.prechat_survey there is no survey
    Given the embed code configures:
      """
      olark.configure('system.ask_for_name', 'required');
      """
    And the visitor is on a page with the widget
    When the visitor clicks the launcher
    Then the message input is displayed
    And the pre-chat form is not displayed
