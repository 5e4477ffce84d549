@visitor
Feature: api.visitor.updateEmailAddress
  The documentation: "Keep track of an email address for this visitor, to link it with your CRM cases and display in the visitor list." Arguments: `options.emailAddress, the email address to remember`.
  The call: `olark('api.visitor.updateEmailAddress', { emailAddress: 'johndoe@olark.com' });`

  Decisions where the documentation is silent:
  - The value is kept for the visitor across page loads and visits, shown to operators,
    and reported by api.visitor.getDetails as `emailAddress`; a later call replaces it.
  - A missing or non-string `emailAddress` is reported on the console and changes nothing.

  Scenario: the operator sees the email address and getDetails reports it
    Given the visitor is on a page with the widget
    When the page runs:
      """
      olark('api.visitor.updateEmailAddress', {
          emailAddress: 'johndoe@olark.com'
      });
      """
    Then the operator sees the visitor's email address "johndoe@olark.com"
    And getDetails reports:
      """
      {"emailAddress": "johndoe@olark.com"}
      """

  Scenario: the email address is kept across a reload
    Given the visitor is on a page with the widget
    And the page runs:
      """
      olark('api.visitor.updateEmailAddress', { emailAddress: 'johndoe@olark.com' });
      """
    And the operator sees the visitor's email address "johndoe@olark.com"
    When the visitor reloads the page
    Then getDetails reports:
      """
      {"emailAddress": "johndoe@olark.com"}
      """

  Scenario: a later call replaces the email address
    Given the visitor is on a page with the widget
    When the page runs:
      """
      olark('api.visitor.updateEmailAddress', { emailAddress: 'first' });
      olark('api.visitor.updateEmailAddress', { emailAddress: 'johndoe@olark.com' });
      """
    Then getDetails reports:
      """
      {"emailAddress": "johndoe@olark.com"}
      """

  Scenario: a call queued in the embed code applies once the widget loads
    Given the embed code ends with:
      """
      olark('api.visitor.updateEmailAddress', { emailAddress: 'johndoe@olark.com' });
      """
    When the visitor opens the page
    Then the widget becomes ready
    And the operator sees the visitor's email address "johndoe@olark.com"

  Scenario Outline: bad input is reported and ignored: <options>
    Given the visitor is on a page with the widget
    When the page runs:
      """
      olark('api.visitor.updateEmailAddress', <options>);
      """
    Then the console shows a warning containing "api.visitor.updateEmailAddress"
    And getDetails reports:
      """
      {"emailAddress": null}
      """
    And the page raised no errors

    Examples:
      | options        |
      | undefined      |
      | { emailAddress: 42 }   |
      | 'johndoe@olark.com'       |
