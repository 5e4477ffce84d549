@chat @operator
Feature: api.chat.onMessageToOperator
  The documentation: "Whenever a message is sent to the operator, this will call the given
  callback with an event object." Arguments: `event.message.body`, the contents of the
  message. Examples track "chatted_with_operator" and smileys.

  Decisions where the documentation is silent: "sent to the operator" means a message the
  visitor sent in the chat; api.chat.sendNotificationToOperator is not a message and does
  not fire it.

  Scenario: a message the visitor types and sends with Enter reaches the operator and fires the callback
    Given an operator "Alice" is available
    And the visitor is on a page with the widget
    And the page runs:
      """
      olark('api.chat.onMessageToOperator', function (event) {});
      """
    And the visitor clicks the launcher
    When the visitor types "Do you ship to Peru?" into the message input
    And the visitor presses Enter in the message input
    Then the api.chat.onMessageToOperator callback received '[{"message":{"body":"Do you ship to Peru?"}}]'
    And the chat shows the visitor message "Do you ship to Peru?"
    And operator "Alice" received "Do you ship to Peru?"

  Scenario: the send button sends too
    Given an operator "Alice" is available
    And the visitor is on a page with the widget
    And the page runs:
      """
      olark('api.chat.onMessageToOperator', function (event) {});
      """
    And the visitor clicks the launcher
    When the visitor types "Hello" into the message input
    And the visitor clicks the send button
    Then the api.chat.onMessageToOperator callback fired once
    And operator "Alice" received "Hello"

  Scenario: each message fires the callback once
    Given an operator "Alice" is available
    And the visitor is on a page with the widget
    And the page runs:
      """
      olark('api.chat.onMessageToOperator', function (event) {});
      """
    And the visitor clicks the launcher
    When the visitor sends "one"
    And the visitor sends "two"
    Then the api.chat.onMessageToOperator callback fired twice

  Scenario: a notification to the operator does not fire it
    Given an operator "Alice" is available
    And the visitor is on a page with the widget
    And the page runs:
      """
      olark('api.chat.onMessageToOperator', function (event) {});
      olark('api.chat.sendNotificationToOperator', { body: 'visitor landed on the billing page' });
      """
    Then operator "Alice" received the notification "visitor landed on the billing page" marked [info]
    And the api.chat.onMessageToOperator callback did not fire

  Scenario: the documentation's "track positive reactions" example
    Given an operator "Alice" is available
    And the visitor is on a page with the widget
    And the page runs:
      """
      olark('api.chat.onMessageToOperator', function(event) {
          if (event.message.body.indexOf(":)") != -1) {
              yourAnalytics.track("customer_is_happy");
          }
      });
      """
    And the visitor clicks the launcher
    When the visitor sends "Thanks :)"
    Then the page tracked "customer_is_happy"
