@greeter @operator
Feature: WelcomeAssist.welcome_new_visitors
  The documentation: "Use this call to switch the Greeter on." The Greeter sends a welcome
  message to first-time visitors (WelcomeAssist.welcome_delay_in_seconds: "the time after
  which the Greeter message will be sent to first-time visitors on your site").

  Decisions where the documentation is silent:
  - The greeting appears as a message from the operator who would answer and counts as
    the conversation's first message (api.chat.onBeginConversation fires).
  - A visitor is greeted once, not again on later pages, and not after a conversation
    has begun.

  Background:
    Given an operator "Alice" is available

  Scenario: a first-time visitor is greeted
    Given the embed code configures:
      """
      olark.configure('WelcomeAssist.welcome_new_visitors', true);
      olark.configure('WelcomeAssist.welcome_messages', ['Hi there! Can I help you find something?']);
      """
    When the visitor opens the page
    Then the widget becomes ready
    And the chat shows the operator message "Hi there! Can I help you find something?" from "Alice"

  Scenario: the greeting begins the conversation
    Given the embed code configures:
      """
      olark.configure('WelcomeAssist.welcome_new_visitors', true);
      olark.configure('WelcomeAssist.welcome_messages', ['Welcome!']);
      olark('api.chat.onBeginConversation', function () {});
      """
    When the visitor opens the page
    Then the chat shows the operator message "Welcome!" from "Alice"
    And the api.chat.onBeginConversation callback fired once

  Scenario: the visitor is not greeted again on the next page
    Given the embed code configures:
      """
      olark.configure('WelcomeAssist.welcome_new_visitors', true);
      olark.configure('WelcomeAssist.welcome_messages', ['Welcome!']);
      """
    And the visitor is on a page with the widget
    And the chat shows the operator message "Welcome!" from "Alice"
    When the visitor opens the "click-to-chat" page
    Then the widget becomes ready
    And the chat shows 1 operator message

  Scenario: no greeting without the Greeter
    Given the embed code configures:
      """
      olark.configure('WelcomeAssist.welcome_messages', ['Welcome!']);
      """
    When the visitor opens the page
    Then the widget becomes ready
    And the chat shows 0 operator messages
