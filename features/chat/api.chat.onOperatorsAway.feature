@chat @operator
Feature: api.chat.onOperatorsAway
  The documentation: "Whenever all operators are offline, the given callback will be
  triggered." and "This call will only fire if an operator's state changes." Its example
  turns a `#chat-indicator` element red.

  Decisions where the documentation is silent: as for api.chat.onOperatorsAvailable, only
  a change while the page is open fires it; one of two operators going away is not a
  change while the other still answers.

  Scenario: onOperatorsAway fires when the last operator goes away
    Given an operator "Alice" is available
    And the visitor is on a page with the widget
    And the page runs:
      """
      olark('api.chat.onOperatorsAway', function () {});
      """
    When operator "Alice" goes away
    Then the api.chat.onOperatorsAway callback fired once

  Scenario: onOperatorsAway does not fire while another operator is still online
    Given an operator "Alice" is available
    And an operator "Bob" is available
    And the visitor is on a page with the widget
    And the page runs:
      """
      olark('api.chat.onOperatorsAway', function () {});
      """
    When operator "Alice" goes away
    Then the api.chat.onOperatorsAway callback did not fire
    When operator "Bob" goes away
    Then the api.chat.onOperatorsAway callback fired once

  Scenario: onOperatorsAway does not fire when no operator was online at load
    Given an operator "Alice" is away
    And the embed code ends with:
      """
      olark('api.chat.onOperatorsAway', function () {});
      """
    When the visitor opens the page
    Then the widget becomes ready
    And the api.chat.onOperatorsAway callback did not fire

  Scenario: away, then available, then away fires each callback per change
    Given an operator "Alice" is available
    And the visitor is on a page with the widget
    And the page runs:
      """
      olark('api.chat.onOperatorsAway', function () {});
      olark('api.chat.onOperatorsAvailable', function () {});
      """
    When operator "Alice" goes away
    And operator "Alice" comes online
    And operator "Alice" goes away
    Then the api.chat.onOperatorsAway callback fired twice
    And the api.chat.onOperatorsAvailable callback fired once

  Scenario: the documentation's chat indicator turns red
    Given an operator "Alice" is available
    And the embed code ends with:
      """
      olark('api.chat.onOperatorsAvailable', function() {
          document.getElementById('chat-indicator').className = 'green-icon';
      });
      olark('api.chat.onOperatorsAway', function() {
          document.getElementById('chat-indicator').className = 'red-icon';
      });
      """
    And the visitor opens the "chat-indicator" page
    And the widget is ready
    When operator "Alice" goes away
    Then the page's "#chat-indicator" element has the class "red-icon"

  Scenario: the offline form replaces the chat input when all operators are away
    Given an operator "Alice" is available
    And the visitor is on a page with the widget
    And the visitor clicks the launcher
    And the message input is displayed
    When operator "Alice" goes away
    Then the offline form is displayed
    And the message input is not displayed
