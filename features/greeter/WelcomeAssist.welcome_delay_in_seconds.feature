@greeter @operator @clock
Feature: WelcomeAssist.welcome_delay_in_seconds
  The documentation: "Set the time after which the Greeter message will be sent to
  first-time visitors on your site." Example:
  `olark.configure('WelcomeAssist.welcome_delay_in_seconds', integer);`

  Decisions where the documentation is silent: counted from the widget being ready on the
  visitor's page; without it the greeting is sent at once. These scenarios run on the
  virtual clock: a 45-second delay takes no real time.

  Background:
    Given an operator "Alice" is available

  Scenario: the greeting waits for the delay
    Given the embed code configures:
      """
      olark.configure('WelcomeAssist.welcome_new_visitors', true);
      olark.configure('WelcomeAssist.welcome_delay_in_seconds', 45);
      olark.configure('WelcomeAssist.welcome_messages', ['Still looking around?']);
      """
    And the visitor is on a page with the widget
    When 44 seconds pass
    Then the chat shows 0 operator messages
    When 1 second passes
    Then the chat shows the operator message "Still looking around?" from "Alice"

  Scenario: a conversation started before the delay cancels the greeting
    Given the embed code configures:
      """
      olark.configure('WelcomeAssist.welcome_new_visitors', true);
      olark.configure('WelcomeAssist.welcome_delay_in_seconds', 30);
      olark.configure('WelcomeAssist.welcome_messages', ['Still looking around?']);
      """
    And the visitor is on a page with the widget
    And the visitor clicks the launcher
    And the visitor sends "I have a question"
    And operator "Alice" received "I have a question"
    When 31 seconds pass
    Then the chat does not show "Still looking around?"
