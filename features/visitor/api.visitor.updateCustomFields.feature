@visitor
Feature: api.visitor.updateCustomFields
  The documentation: "If you have custom data that you want to keep track of for a
  visitor, such as an internal customer ID or some internal data, you can give it to
  Olark using this API." Arguments: `dictionaryOfCustomFields`, "a dictionary mapping
  custom field name=>value". getDetails reads them back as
  `details.customFields.yourFieldNameGoesHere`.

  Decisions where the documentation is silent:
  - Calls merge: a field keeps its value until a later call sets it again; `null`
    removes a field.
  - Values are strings, numbers, booleans or null; anything else (or a non-object) is
    reported on the console and the call changes nothing.
  - The fields are kept for the visitor across page loads.

  Scenario: the documentation's customer ID example
    Given the visitor is on a page with the widget
    When the page runs:
      """
      olark('api.visitor.updateCustomFields', {
          // Replace with your own data
          internalCustomerId: '2194832109'
      });
      """
    Then the operator sees the custom field "internalCustomerId" as '"2194832109"'
    And getDetails reports:
      """
      {"customFields": {"internalCustomerId": "2194832109"}}
      """

  Scenario: later calls merge with earlier ones
    Given the visitor is on a page with the widget
    When the page runs:
      """
      olark('api.visitor.updateCustomFields', { internalCustomerId: '2194832109', plan: 'free' });
      olark('api.visitor.updateCustomFields', { plan: 'pro', seats: 5, trial: false });
      """
    Then getDetails reports:
      """
      {"customFields": {"internalCustomerId": "2194832109", "plan": "pro", "seats": 5, "trial": false}}
      """

  Scenario: null removes a field
    Given the visitor is on a page with the widget
    When the page runs:
      """
      olark('api.visitor.updateCustomFields', { coupon: 'SPRING', plan: 'pro' });
      olark('api.visitor.updateCustomFields', { coupon: null });
      """
    Then getDetails reports:
      """
      {"customFields": {"plan": "pro"}}
      """

  Scenario: custom fields are kept across a reload
    Given the visitor is on a page with the widget
    And the page runs:
      """
      olark('api.visitor.updateCustomFields', { internalCustomerId: '2194832109' });
      """
    And the operator sees the custom field "internalCustomerId" as '"2194832109"'
    When the visitor reloads the page
    Then getDetails reports:
      """
      {"customFields": {"internalCustomerId": "2194832109"}}
      """

  Scenario Outline: bad input is reported and ignored: <fields>
    Given the visitor is on a page with the widget
    When the page runs:
      """
      olark('api.visitor.updateCustomFields', <fields>);
      """
    Then the console shows a warning containing "api.visitor.updateCustomFields"
    And getDetails reports:
      """
      {"customFields": {}}
      """
    And the page raised no errors

    Examples:
      | fields                          |
      | undefined                       |
      | 'internalCustomerId'            |
      | { nested: { not: 'allowed' } }  |
      | { list: [1, 2] }                |
