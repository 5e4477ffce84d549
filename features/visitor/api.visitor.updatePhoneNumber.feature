@visitor
Feature: api.visitor.updatePhoneNumber
  The documentation: "Keep track of a phone number for this visitor, to link it with your transcripts and display in the visitor list." Arguments: `options.phoneNumber, the phone number to remember`.
  The call: `olark('api.visitor.updatePhoneNumber', { phoneNumber: '(123) 456-7890' });`

  Decisions where the documentation is silent:
  - The value is kept for the visitor across page loads and visits, shown to operators,
    and reported by api.visitor.getDetails as `phoneNumber`; a later call replaces it.
  - A missing or non-string `phoneNumber` is reported on the console and changes nothing.

  Scenario: the operator sees the phone number and getDetails reports it
    Given the visitor is on a page with the widget
    When the page runs:
      """
      olark('api.visitor.updatePhoneNumber', {
          phoneNumber: '(123) 456-7890'
      });
      """
    Then the operator sees the visitor's phone number "(123) 456-7890"
    And getDetails reports:
      """
      {"phoneNumber": "(123) 456-7890"}
      """

  Scenario: the phone number is kept across a reload
    Given the visitor is on a page with the widget
    And the page runs:
      """
      olark('api.visitor.updatePhoneNumber', { phoneNumber: '(123) 456-7890' });
      """
    And the operator sees the visitor's phone number "(123) 456-7890"
    When the visitor reloads the page
    Then getDetails reports:
      """
      {"phoneNumber": "(123) 456-7890"}
      """

  Scenario: a later call replaces the phone number
    Given the visitor is on a page with the widget
    When the page runs:
      """
      olark('api.visitor.updatePhoneNumber', { phoneNumber: 'first' });
      olark('api.visitor.updatePhoneNumber', { phoneNumber: '(123) 456-7890' });
      """
    Then getDetails reports:
      """
      {"phoneNumber": "(123) 456-7890"}
      """

  Scenario: a call queued in the embed code applies once the widget loads
    Given the embed code ends with:
      """
      olark('api.visitor.updatePhoneNumber', { phoneNumber: '(123) 456-7890' });
      """
    When the visitor opens the page
    Then the widget becomes ready
    And the operator sees the visitor's phone number "(123) 456-7890"

  Scenario Outline: bad input is reported and ignored: <options>
    Given the visitor is on a page with the widget
    When the page runs:
      """
      olark('api.visitor.updatePhoneNumber', <options>);
      """
    Then the console shows a warning containing "api.visitor.updatePhoneNumber"
    And getDetails reports:
      """
      {"phoneNumber": null}
      """
    And the page raised no errors

    Examples:
      | options        |
      | undefined      |
      | { phoneNumber: 42 }   |
      | '(123) 456-7890'       |
