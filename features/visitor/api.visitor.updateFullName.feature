@visitor
Feature: api.visitor.updateFullName
  The documentation: "Keep track of a full name for this visitor, to link it with your CRM cases and display in the buddy list." Arguments: `options.fullName, the name to remember`.
  The call: `olark('api.visitor.updateFullName', { fullName: 'John Doe' });`

  Decisions where the documentation is silent:
  - The value is kept for the visitor across page loads and visits, shown to operators,
    and reported by api.visitor.getDetails as `fullName`; a later call replaces it.
  - A missing or non-string `fullName` is reported on the console and changes nothing.

  Scenario: the operator sees the full name and getDetails reports it
    Given the visitor is on a page with the widget
    When the page runs:
      """
      olark('api.visitor.updateFullName', {
          fullName: 'John Doe'
      });
      """
    Then the operator sees the visitor's full name "John Doe"
    And getDetails reports:
      """
      {"fullName": "John Doe"}
      """

  Scenario: the full name is kept across a reload
    Given the visitor is on a page with the widget
    And the page runs:
      """
      olark('api.visitor.updateFullName', { fullName: 'John Doe' });
      """
    And the operator sees the visitor's full name "John Doe"
    When the visitor reloads the page
    Then getDetails reports:
      """
      {"fullName": "John Doe"}
      """

  Scenario: a later call replaces the full name
    Given the visitor is on a page with the widget
    When the page runs:
      """
      olark('api.visitor.updateFullName', { fullName: 'first' });
      olark('api.visitor.updateFullName', { fullName: 'John Doe' });
      """
    Then getDetails reports:
      """
      {"fullName": "John Doe"}
      """

  Scenario: a call queued in the embed code applies once the widget loads
    Given the embed code ends with:
      """
      olark('api.visitor.updateFullName', { fullName: 'John Doe' });
      """
    When the visitor opens the page
    Then the widget becomes ready
    And the operator sees the visitor's full name "John Doe"

  Scenario Outline: bad input is reported and ignored: <options>
    Given the visitor is on a page with the widget
    When the page runs:
      """
      olark('api.visitor.updateFullName', <options>);
      """
    Then the console shows a warning containing "api.visitor.updateFullName"
    And getDetails reports:
      """
      {"fullName": null}
      """
    And the page raised no errors

    Examples:
      | options        |
      | undefined      |
      | { fullName: 42 }   |
      | 'John Doe'       |
