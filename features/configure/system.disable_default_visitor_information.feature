@configure @operator
Feature: system.disable_default_visitor_information
  The documentation ("Pre-chat visitor notifications"): "This will turn off all of the
  initial pre-chat notifications that give you visitor context - including location,
  current URL and number of previous conversations - allowing you to show just your own
  custom pre-chat information instead."

  Decisions where the documentation is silent: the context notification is sent when the
  visitor starts a chat (their first message) and names the current URL; with the key
  set, only the site's own notifications reach the operator.

  Background:
    Given an operator "Alice" is available

  Scenario: by default the operator gets the visitor's context when the chat begins
    Given the visitor is on a page with the widget
    And the visitor clicks the launcher
    When the visitor sends "Hello"
    Then operator "Alice" received "Hello"
    And operator "Alice" received a notification containing "embed.sub.html"

  Scenario: disabled, only the site's own information arrives
    Given the embed code configures:
      """
      olark.configure('system.disable_default_visitor_information', true);
      olark('api.chat.onBeginConversation', function () {
          olark('api.chat.sendNotificationToOperator', { body: 'Premium plan, account 42' });
      });
      """
    And the visitor is on a page with the widget
    And the visitor clicks the launcher
    When the visitor sends "Hello"
    Then operator "Alice" received the notification "Premium plan, account 42" marked [info]
    And operator "Alice" received 1 notification
