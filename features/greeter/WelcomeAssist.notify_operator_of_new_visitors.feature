@greeter @operator
Feature: WelcomeAssist.notify_operator_of_new_visitors
  The documentation ("Notify operators of first-time visitors"): "If the Greeter function
  is enabled, you can use this call to enable/disable the advanced notification per page."

  Decisions where the documentation is silent: the operators get one notification when a
  first-time visitor arrives, none for returning visitors or later pages; the Greeter must
  be on.

  Background:
    Given an operator "Alice" is available

  Scenario: operators are notified of a first-time visitor, once
    Given the embed code configures:
      """
      olark.configure('WelcomeAssist.welcome_new_visitors', true);
      olark.configure('WelcomeAssist.notify_operator_of_new_visitors', true);
      olark.configure('WelcomeAssist.welcome_messages', ['Welcome!']);
      """
    And the visitor is on a page with the widget
    And operator "Alice" received 1 notification
    When the visitor reloads the page
    Then operator "Alice" received 1 notification

  Scenario: no notification without the key
    Given the embed code configures:
      """
      olark.configure('WelcomeAssist.welcome_new_visitors', true);
      olark.configure('WelcomeAssist.welcome_messages', ['Welcome!']);
      """
    When the visitor opens the page
    Then the chat shows the operator message "Welcome!" from "Alice"
    And operator "Alice" received 0 notifications
