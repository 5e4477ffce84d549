@chat @operator
Feature: api.chat.onOperatorsAvailable
  The documentation: "Whenever any operator comes online, the given callback will be
  triggered." and "This call will only fire if an operator's state changes. It cannot be
  queried." Its example turns a `#chat-indicator` element green.

  Decisions where the documentation is silent:
  - Only changes while the page is open count: the state found when the widget loads is
    not a change, and registering a callback never fires it.
  - "Available" means at least one operator answers this visitor; a second operator
    coming online while one already is changes nothing.

  Scenario: onOperatorsAvailable fires when the first operator comes online
    Given an operator "Alice" is away
    And the visitor is on a page with the widget
    And the page runs:
      """
      olark('api.chat.onOperatorsAvailable', function () {});
      """
    When operator "Alice" comes online
    Then the api.chat.onOperatorsAvailable callback fired once

  Scenario: onOperatorsAvailable does not fire for operators already online at load
    Given an operator "Alice" is available
    And the embed code ends with:
      """
      olark('api.chat.onOperatorsAvailable', function () {});
      """
    When the visitor opens the page
    Then the widget becomes ready
    And the api.chat.onOperatorsAvailable callback did not fire

  Scenario: registering onOperatorsAvailable while operators are online does not fire it
    Given an operator "Alice" is available
    And the visitor is on a page with the widget
    When the page runs:
      """
      olark('api.chat.onOperatorsAvailable', function () {});
      """
    Then the api.chat.onOperatorsAvailable callback did not fire

  Scenario: a second operator coming online is not a change
    Given an operator "Alice" is away
    And an operator "Bob" is away
    And the visitor is on a page with the widget
    And the page runs:
      """
      olark('api.chat.onOperatorsAvailable', function () {});
      """
    When operator "Alice" comes online
    And operator "Bob" comes online
    Then the api.chat.onOperatorsAvailable callback fired once

  Scenario: the documentation's chat indicator turns green
    Given an operator "Alice" is away
    And the embed code ends with:
      """
      olark('api.chat.onOperatorsAvailable', function() {
          // Identify the element, and give it a class name
          document.getElementById('chat-indicator').className = 'green-icon';
      });
      olark('api.chat.onOperatorsAway', function() {
          // Identify the element, and give it a class name
          document.getElementById('chat-indicator').className = 'red-icon';
      });
      """
    And the visitor opens the "chat-indicator" page
    And the widget is ready
    When operator "Alice" comes online
    Then the page's "#chat-indicator" element has the class "green-icon"

  Scenario: a non-function callback is reported and ignored
    Given the visitor is on a page with the widget
    When the page runs:
      """
      olark('api.chat.onOperatorsAvailable', 'not a function');
      """
    Then the console shows a warning containing "api.chat.onOperatorsAvailable"
    And the page raised no errors
