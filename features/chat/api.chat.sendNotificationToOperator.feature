@chat @operator
Feature: api.chat.sendNotificationToOperator
  The documentation: "Send a notification message to the operator. The operator will see
  [info] to indicate that this message was not sent from the visitor." Arguments:
  `options.body`. Examples: notify on landing pages; notify after 60 seconds of hesitation.

  Decisions where the documentation is silent: the visitor does not see the notification,
  and it is not a visitor message: api.chat.onMessageToOperator does not fire.

  Scenario: the operator sees the notification marked [info]
    Given an operator "Alice" is available
    And the visitor is on a page with the widget
    When the page runs:
      """
      olark('api.chat.sendNotificationToOperator', { body: 'visitor landed on the billing page' });
      """
    Then operator "Alice" received the notification "visitor landed on the billing page" marked [info]

  Scenario: the visitor does not see it and onMessageToOperator does not fire
    Given an operator "Alice" is available
    And the visitor is on a page with the widget
    And the page runs:
      """
      olark('api.chat.onMessageToOperator', function () {});
      """
    When the page runs:
      """
      olark('api.chat.sendNotificationToOperator', { body: 'premium customer' });
      """
    Then operator "Alice" received the notification "premium customer" marked [info]
    And the chat does not show "premium customer"
    And the api.chat.onMessageToOperator callback did not fire

  @clock
  Scenario: the documentation's "hesitating for 60 seconds" example
    Given an operator "Alice" is available
    And the visitor is on a page with the widget
    And the page runs:
      """
      setTimeout(function(){
          olark('api.chat.sendNotificationToOperator',
          {
              body: 'this visitor is hesitating'
          });
      }, 60000);
      """
    When 60 seconds pass
    Then operator "Alice" received the notification "this visitor is hesitating" marked [info]

  Scenario: bad options are reported and ignored
    Given an operator "Alice" is available
    And the visitor is on a page with the widget
    When the page runs:
      """
      olark('api.chat.sendNotificationToOperator', 'visitor landed');
      """
    Then the console shows a warning containing "api.chat.sendNotificationToOperator"
    And operator "Alice" did not receive "visitor landed"
