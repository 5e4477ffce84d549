@chat
Feature: api.chat.sendNotificationToVisitor
  The documentation: "Send a notification message to the visitor. The message will look
  like a notification, and will not show up as coming from a particular operator."
  Its example reassures the visitor after 60 seconds without a reply.

  Decisions where the documentation is silent: a notification is not a message: it fires
  neither api.chat.onMessageToVisitor nor api.chat.onBeginConversation.

  Scenario: the notification is shown, not as from an operator
    Given an operator "Alice" is available
    And the visitor is on a page with the widget
    When the page runs:
      """
      olark('api.chat.sendNotificationToVisitor', { body: "An operator will be with you shortly" });
      """
    Then the chat shows the notification "An operator will be with you shortly"

  Scenario: it does not fire onMessageToVisitor
    Given the visitor is on a page with the widget
    And the page runs:
      """
      olark('api.chat.onMessageToVisitor', function () {});
      """
    When the page runs:
      """
      olark('api.chat.sendNotificationToVisitor', { body: "Note" });
      """
    Then the chat shows the notification "Note"
    And the api.chat.onMessageToVisitor callback did not fire

  @operator @clock
  Scenario: the documentation's "notify a visitor if no immediate response" example
    Given an operator "Alice" is available
    And the visitor is on a page with the widget
    And the page runs:
      """
      var lastMessageTimeout;
      olark('api.chat.onMessageToVisitor', function(){
          clearTimeout(lastMessageTimeout);
          lastMessageTimeout = setTimeout(function(){
              olark('api.chat.sendNotificationToVisitor', {
                  body: "the operator is still here, just busy"
              });
          }, 60000);
      });
      """
    When operator "Alice" says "Let me check that for you"
    Then the chat shows the operator message "Let me check that for you" from "Alice"
    When 59 seconds pass
    Then the chat does not show "the operator is still here, just busy"
    When 1 second passes
    Then the chat shows the notification "the operator is still here, just busy"

  Scenario: bad options are reported and ignored
    Given the visitor is on a page with the widget
    When the page runs:
      """
      olark('api.chat.sendNotificationToVisitor', { text: 'wrong key' });
      """
    Then the console shows a warning containing "api.chat.sendNotificationToVisitor"
    And the page raised no errors
