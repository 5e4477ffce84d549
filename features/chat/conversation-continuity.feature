@chat @operator
Feature: A conversation continues across page loads
  Visitors navigate and reload while they chat. The widget keeps the visitor's identity
  (in a first-party cookie, see docs/backend-protocol.md), so the backend sees one visitor
  and the chat shows the conversation so far after a reload.

  Scenario: a reload keeps the visitor and shows the conversation so far
    Given an operator "Alice" is available
    And the visitor is on a page with the widget
    And the visitor clicks the launcher
    And the visitor sends "Hello?"
    And operator "Alice" says "Hi! One moment."
    And the chat shows the operator message "Hi! One moment." from "Alice"
    When the visitor reloads the page
    And the visitor clicks the launcher
    Then the chat shows the visitor message "Hello?"
    And the chat shows the operator message "Hi! One moment." from "Alice"
    And the backend knows 1 visitor

  Scenario: an operator message sent while the page reloads is not lost
    Given an operator "Alice" is available
    And the visitor is on a page with the widget
    When the visitor reloads the page
    And operator "Alice" says "Welcome back"
    Then the chat shows the operator message "Welcome back" from "Alice"

  Scenario: a second page of the site continues the same conversation
    Given an operator "Alice" is available
    And the visitor is on a page with the widget
    And the visitor clicks the launcher
    And the visitor sends "Where is my order?"
    And operator "Alice" received "Where is my order?"
    When the visitor opens the "click-to-chat" page
    Then the widget becomes ready
    When the visitor clicks the launcher
    Then the chat shows the visitor message "Where is my order?"
    And the backend knows 1 visitor
