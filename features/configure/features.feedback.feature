@configure @operator
Feature: features.feedback
  The documentation ("Chat ratings"): `olark.configure('features.feedback', true);` lets
  the visitor rate the chat; the survey's texts are the `locale.feedback_survey_*`
  strings: four questions rated from "Not at all …" to "Extremely …" (satisfaction,
  knowledge, responsiveness, friendliness) and "Additional feedback."

  Decisions where the documentation is silent: the ratings are offered once the operator
  has ended the conversation (the chat shows `locale.ended_chat_message`); answers go to
  the backend; without features.feedback nothing is offered.

  Background:
    Given an operator "Alice" is available

  Scenario: after the operator ends the chat the visitor rates it
    Given the embed code configures:
      """
      olark.configure('features.feedback', true);
      """
    And the visitor is on a page with the widget
    And the visitor clicks the launcher
    And the visitor sends "Thanks for the help"
    And operator "Alice" received "Thanks for the help"
    When operator "Alice" ends the conversation
    Then the feedback button is displayed
    When the visitor rates the chat 5, 4, 5, 3 with the comment "Quick and friendly"
    Then the backend stored the ratings 5, 4, 5, 3 with the comment "Quick and friendly"

  Scenario: the survey asks the documented questions
    Given the embed code configures:
      """
      olark.configure('features.feedback', true);
      """
    And the visitor is on a page with the widget
    And the visitor clicks the launcher
    And operator "Alice" says "Anything else?"
    When operator "Alice" ends the conversation
    Then the feedback button is displayed
    When the visitor clicks the feedback button
    Then the feedback form shows the text "How satisfied were you with this chat?"
    And the feedback form shows the text "Question 1 of 5"

  Scenario: the ended chat is announced
    Given the visitor is on a page with the widget
    And the visitor clicks the launcher
    And operator "Alice" says "Bye!"
    When operator "Alice" ends the conversation
    Then the chat shows the notification "This conversation has ended"

  Scenario: without features.feedback no ratings are offered
    Given the visitor is on a page with the widget
    And the visitor clicks the launcher
    And operator "Alice" says "Bye!"
    When operator "Alice" ends the conversation
    Then the chat shows the notification "This conversation has ended"
    And the feedback button is not displayed
