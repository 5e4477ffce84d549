@chat @operator
Feature: api.chat.onCommandFromOperator
  The documentation: "Commands must begin with an exclamation point ! and come at the
  start of a message. [...] Your visitors will not see the command unless specified."
  Arguments: `event.command.name`, the name of the command, e.g. 'track' (required);
  `event.command.body`, the contents of the message, e.g. 'this is a lead' (optional).
  The examples: `!faq` sends the visitor to the FAQ; `!q 2` says "I'll be with you in 2 minutes".

  Decisions where the documentation is silent: a command without text has the body "".

  Scenario: !faq fires the callback with the command's name
    Given an operator "Alice" is available
    And the visitor is on a page with the widget
    And the page runs:
      """
      olark('api.chat.onCommandFromOperator', function (event) {});
      """
    When operator "Alice" says "!faq"
    Then the api.chat.onCommandFromOperator callback received '[{"command":{"name":"faq"}}]'

  Scenario: !q 2 carries its text as the body
    Given an operator "Alice" is available
    And the visitor is on a page with the widget
    And the page runs:
      """
      olark('api.chat.onCommandFromOperator', function (event) {});
      """
    When operator "Alice" says "!q 2"
    Then the api.chat.onCommandFromOperator callback received '[{"command":{"name":"q","body":"2"}}]'

  Scenario: the visitor does not see the command
    Given an operator "Alice" is available
    And the visitor is on a page with the widget
    And the visitor clicks the launcher
    When operator "Alice" says "!track this is a lead"
    And operator "Alice" says "Thanks for waiting"
    Then the chat shows the operator message "Thanks for waiting" from "Alice"
    And the chat does not show "this is a lead"

  Scenario: a message that does not start with ! is not a command
    Given an operator "Alice" is available
    And the visitor is on a page with the widget
    And the page runs:
      """
      olark('api.chat.onCommandFromOperator', function (event) {});
      """
    When operator "Alice" says "Try the !faq page"
    Then the chat shows the operator message "Try the !faq page" from "Alice"
    And the api.chat.onCommandFromOperator callback did not fire

  Scenario: the documentation's !q example answers the visitor and notifies the operator
    Given an operator "Alice" is available
    And the visitor is on a page with the widget
    And the page runs:
      """
      olark('api.chat.onCommandFromOperator', function(event) {
          if (event.command.name == 'q') {
              olark('api.chat.sendMessageToVisitor', {
              body: "Hi there, chat is really busy, I'll be with you in " + (event.command.body) + " minutes"
              });
              olark('api.chat.sendNotificationToOperator', {
              body: "Telling customer you will be with them in " + (event.command.body) + " minutes"
              });
          }
      });
      """
    When operator "Alice" says "!q 3"
    Then the chat shows the operator message "Hi there, chat is really busy, I'll be with you in 3 minutes" from "Alice"
    And operator "Alice" received the notification "Telling customer you will be with them in 3 minutes" marked [info]
