@chat @operator
Feature: api.chat.onMessageToVisitor
  The documentation: "Whenever a message is sent to the visitor, this will call the given
  callback with an event object." Arguments: `event.message.body`, the contents of the
  message, and `event.message.nickname`, the display name of the operator.

  Decisions where the documentation is silent: messages the page sends with
  api.chat.sendMessageToVisitor fire it too (they appear as from an operator);
  notifications and operator commands do not. A message arriving while the chatbox is
  minimized shows an unread count.

  Scenario: an operator's message appears with the operator's nickname and fires the callback
    Given an operator "Alice" is available
    And the visitor is on a page with the widget
    And the page runs:
      """
      olark('api.chat.onMessageToVisitor', function (event) {});
      """
    When operator "Alice" says "Hi, how can I help?"
    Then the chat shows the operator message "Hi, how can I help?" from "Alice"
    And the api.chat.onMessageToVisitor callback received '[{"message":{"body":"Hi, how can I help?","nickname":"Alice"}}]'

  Scenario: operator text is shown as text, never as HTML
    Given an operator "Alice" is available
    And the visitor is on a page with the widget
    When operator "Alice" says "<img src=x onerror=yourAnalytics.track('xss')> <b>bold</b>"
    Then the chat shows the operator message "<b>bold</b>" from "Alice"
    And the page tracked "xss" 0 times

  Scenario: a message to a minimized chatbox shows an unread count
    Given an operator "Alice" is available
    And the visitor is on a page with the widget
    And the chatbox is shrunk
    When operator "Alice" says "Are you there?"
    And operator "Alice" says "We have a sale today"
    Then the unread indicator shows 2
    When the visitor clicks the launcher
    Then the unread indicator is not displayed

  Scenario: a command from the operator does not fire it
    Given an operator "Alice" is available
    And the visitor is on a page with the widget
    And the page runs:
      """
      olark('api.chat.onMessageToVisitor', function (event) {});
      olark('api.chat.onCommandFromOperator', function (event) {});
      """
    When operator "Alice" says "!faq"
    Then the api.chat.onCommandFromOperator callback fired once
    And the api.chat.onMessageToVisitor callback did not fire

  @clock
  Scenario: the documentation's "automatic response within 60 seconds" example
    Given an operator "Alice" is available
    And the visitor is on a page with the widget
    And the page runs:
      """
      var maxMilliseconds = 60*1000;
      var replyTimer = null;
      olark("api.chat.onMessageToOperator", function() {
          replyTimer = setTimeout(function() {
          replyTimer = null;
          olark("api.chat.sendMessageToVisitor", {
              body: "Sorry! I'm a little busy at the moment but will get back with you soon."
              });
          }, maxMilliseconds);
      });
      olark("api.chat.onMessageToVisitor", function() {
          if (replyTimer) {
              clearTimeout(replyTimer);
          }
      });
      """
    And the visitor clicks the launcher
    And the visitor sends "Anyone?"
    When 60 seconds pass
    Then the chat shows the operator message "Sorry! I'm a little busy at the moment but will get back with you soon." from "Alice"
