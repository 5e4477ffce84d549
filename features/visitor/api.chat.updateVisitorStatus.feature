@visitor
Feature: api.chat.updateVisitorStatus
  The documentation: "Add information to the visitor's status in the operator's buddy
  list." The snippet is a string or an array ("Do you have multiple pieces of
  information? Use an array for the snippet"), and "the first item in the snippet array is
  the equivalent of using the api.visitor.updateEmailAddress API call" when it is an
  email address.

  Decisions where the documentation is silent:
  - Sites often pass a bare string instead of `{snippet: …}`; it is accepted as the snippet.
  - The latest status replaces an earlier one and is kept across page loads.
  - Anything else (a number, an object without snippet) is reported on the console.

  Scenario: the documentation's shopping-cart status
    Given the visitor is on a page with the widget
    When the page runs:
      """
      olark('api.chat.updateVisitorStatus', {
          snippet: 'has 10 items in cart'
      });
      """
    Then the operator sees the status "has 10 items in cart"

  Scenario: several pieces of information as an array
    Given the visitor is on a page with the widget
    When the page runs:
      """
      olark('api.chat.updateVisitorStatus', {
          snippet: ['has 10 items in cart', 'value of items is $38']
      });
      """
    Then the operator sees the status "has 10 items in cart | value of items is $38"

  Scenario: an email address as the first item is stored as the visitor's email
    Given the visitor is on a page with the widget
    When the page runs:
      """
      // Sets email as test@example.com
      // and "Some text" appears as Advanced Info
      olark('api.chat.updateVisitorStatus', {
          snippet: ["test@example.com", "Some text"]
      });
      """
    Then the operator sees the visitor's email address "test@example.com"
    And getDetails reports:
      """
      {"emailAddress": "test@example.com"}
      """

  Scenario: a bare string, as many sites pass it, is accepted
    Given the visitor is on a page with the widget
    When the page runs:
      """
      olark('api.chat.updateVisitorStatus', 'has 3 items in cart');
      """
    Then the operator sees the status "has 3 items in cart"

  Scenario: the status is kept across a reload
    Given the visitor is on a page with the widget
    And the page runs:
      """
      olark('api.chat.updateVisitorStatus', { snippet: 'has 10 items in cart' });
      """
    And the operator sees the status "has 10 items in cart"
    When the visitor reloads the page
    Then the operator sees the status "has 10 items in cart"

  Scenario: a number is reported and ignored
    Given the visitor is on a page with the widget
    When the page runs:
      """
      olark('api.chat.updateVisitorStatus', 42);
      """
    Then the console shows a warning containing "api.chat.updateVisitorStatus"
    And the page raised no errors
