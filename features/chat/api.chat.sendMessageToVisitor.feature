@chat
Feature: api.chat.sendMessageToVisitor
  The documentation: "Send a message to the visitor. It will appear as if the message came
  from an operator." Arguments: `options.body`, the contents of the message.

  Decisions where the documentation is silent:
  - "As if from an operator": shown like operator messages, under the nickname of the
    operator who would answer (the first available one).
  - It fires api.chat.onBeginConversation (first message) and api.chat.onMessageToVisitor.
  - Missing or wrong-typed options are reported on the console and change nothing.

  @operator
  Scenario: the message appears as from the operator who would answer
    Given an operator "Alice" is available
    And the visitor is on a page with the widget
    When the page runs:
      """
      olark('api.chat.sendMessageToVisitor', { body: "Let me know if you have any questions." });
      """
    Then the chat shows the operator message "Let me know if you have any questions." from "Alice"

  @operator
  Scenario: it fires onMessageToVisitor with the body and the nickname
    Given an operator "Alice" is available
    And the visitor is on a page with the widget
    And the page runs:
      """
      olark('api.chat.onMessageToVisitor', function (event) {});
      """
    When the page runs:
      """
      olark('api.chat.sendMessageToVisitor', { body: "Welcome back" });
      """
    Then the api.chat.onMessageToVisitor callback received '[{"message":{"body":"Welcome back","nickname":"Alice"}}]'

  @operator
  Scenario: the documentation's "help me" button sends an automated message
    Given an operator "Alice" is available
    And the visitor is on a page with the widget
    And the page runs:
      """
      var help = document.createElement('a');
      help.id = 'help-me';
      help.href = '#';
      help.textContent = 'Live chat help';
      document.body.appendChild(help);
      document.getElementById('help-me').onclick = function() {
          olark('api.chat.sendMessageToVisitor', {
              body: "Let me know if you have any questions."
          });
          // Stops the link reloading the page
          return false;
      }
      """
    And the visitor clicks the launcher
    When the visitor clicks the link "Live chat help"
    Then the chat shows the operator message "Let me know if you have any questions." from "Alice"

  Scenario Outline: bad options are reported and ignored: <options>
    Given the visitor is on a page with the widget
    And the page runs:
      """
      olark('api.chat.onMessageToVisitor', function (event) {});
      """
    When the page runs:
      """
      olark('api.chat.sendMessageToVisitor', <options>);
      """
    Then the console shows a warning containing "api.chat.sendMessageToVisitor"
    And the api.chat.onMessageToVisitor callback did not fire
    And the page raised no errors

    Examples:
      | options          |
      | undefined        |
      | 'just a string'  |
      | { body: 42 }     |
      | { body: '' }     |
