@chat @operator
Feature: api.chat.onOfflineMessageToOperator
  The documentation lists api.chat.onOfflineMessageToOperator among the chat calls: the
  callback fires when the visitor leaves a message while no operator is available, with
  `event.message.body`.

  Decisions where the documentation is silent:
  - While no operator is available the chatbox offers an offline form (name, email,
    message) instead of the chat input; when one comes back, the chat input returns.
  - The message is stored by the backend for the operators; the callback gets
    `event.message.body`.

  Scenario: with all operators away the visitor leaves a message through the offline form
    Given an operator "Alice" is away
    And the visitor is on a page with the widget
    And the page runs:
      """
      olark('api.chat.onOfflineMessageToOperator', function (event) {});
      """
    And the visitor clicks the launcher
    And the offline form is displayed
    When the visitor leaves the offline message "Please call me back" as "Ada Lovelace" with email "ada@example.com"
    Then the api.chat.onOfflineMessageToOperator callback received '[{"message":{"body":"Please call me back"}}]'
    And the backend stored the offline message "Please call me back" from "Ada Lovelace" with email "ada@example.com"

  Scenario: with no operators at all the offline form is offered
    Given the visitor is on a page with the widget
    When the visitor clicks the launcher
    Then the offline form is displayed
    And the message input is not displayed

  Scenario: the chat input returns when an operator comes online
    Given an operator "Alice" is away
    And the visitor is on a page with the widget
    And the visitor clicks the launcher
    And the offline form is displayed
    When operator "Alice" comes online
    Then the message input is displayed
    And the offline form is not displayed

  Scenario: a non-function callback is reported and ignored
    Given the visitor is on a page with the widget
    When the page runs:
      """
      olark('api.chat.onOfflineMessageToOperator', { not: 'a function' });
      """
    Then the console shows a warning containing "api.chat.onOfflineMessageToOperator"
    And the page raised no errors
