@chat @operator
Feature: api.chat.onBeginConversation
  The documentation: "Whenever a visitor or operator sends the first message, the given
  callback function will be triggered." Its example notifies the operator that the
  visitor is a premium customer.

  Decisions where the documentation is silent:
  - It fires once per conversation, before the first message's own callback
    (onMessageToOperator or onMessageToVisitor).
  - api.chat.sendMessageToVisitor counts as a first message (it appears as from an
    operator); notifications do not.
  - A conversation continues across page loads: after a reload it does not begin again.

  Scenario: the visitor's first message begins the conversation
    Given an operator "Alice" is available
    And the visitor is on a page with the widget
    And the page runs:
      """
      olark('api.chat.onBeginConversation', function () {});
      """
    And the visitor clicks the launcher
    When the visitor sends "Hello?"
    Then the api.chat.onBeginConversation callback fired once

  Scenario: an operator's first message begins the conversation
    Given an operator "Alice" is available
    And the visitor is on a page with the widget
    And the page runs:
      """
      olark('api.chat.onBeginConversation', function () {});
      """
    When operator "Alice" says "Can I help?"
    Then the api.chat.onBeginConversation callback fired once

  Scenario: sendMessageToVisitor begins the conversation
    Given the visitor is on a page with the widget
    And the page runs:
      """
      olark('api.chat.onBeginConversation', function () {});
      """
    When the page runs:
      """
      olark('api.chat.sendMessageToVisitor', { body: 'Welcome!' });
      """
    Then the api.chat.onBeginConversation callback fired once

  Scenario: later messages do not begin it again
    Given an operator "Alice" is available
    And the visitor is on a page with the widget
    And the page runs:
      """
      olark('api.chat.onBeginConversation', function () {});
      """
    And the visitor clicks the launcher
    When the visitor sends "Hello?"
    And operator "Alice" says "Hi!"
    And the visitor sends "I have a question"
    Then the chat shows the operator message "Hi!" from "Alice"
    And the api.chat.onBeginConversation callback fired once

  Scenario: it fires before the first message's own callback
    Given an operator "Alice" is available
    And the visitor is on a page with the widget
    And the page runs:
      """
      olark('api.chat.onMessageToVisitor', function () {});
      olark('api.chat.onBeginConversation', function () {});
      """
    When operator "Alice" says "Can I help?"
    Then the callbacks fired in this order:
      """
      api.chat.onBeginConversation
      api.chat.onMessageToVisitor
      """

  Scenario: a notification to the visitor does not begin the conversation
    Given the visitor is on a page with the widget
    And the page runs:
      """
      olark('api.chat.onBeginConversation', function () {});
      olark('api.chat.sendNotificationToVisitor', { body: 'We are open until 6pm' });
      """
    Then the chat shows the notification "We are open until 6pm"
    And the api.chat.onBeginConversation callback did not fire

  Scenario: a reload continues the conversation instead of beginning a new one
    Given an operator "Alice" is available
    And the embed code ends with:
      """
      olark('api.chat.onBeginConversation', function () { yourAnalytics.track('begin'); });
      """
    And the visitor is on a page with the widget
    And the visitor clicks the launcher
    And the visitor sends "Hello?"
    And operator "Alice" received "Hello?"
    When the visitor reloads the page
    And operator "Alice" says "Still there?"
    Then the chat shows the operator message "Still there?" from "Alice"
    And the page tracked "begin" 0 times

  Scenario: the documentation's premium customer example notifies the operator
    Given an operator "Alice" is available
    And the visitor is on a page with the widget
    And the page runs:
      """
      var currentVisitorIsPremium = true;
      olark('api.chat.onBeginConversation', function() {
          if (currentVisitorIsPremium) {
              olark('api.chat.sendNotificationToOperator', {
                  body: "This is a premium customer"
              });
          }
      });
      """
    And the visitor clicks the launcher
    When the visitor sends "Hi"
    Then operator "Alice" received the notification "This is a premium customer" marked [info]
