@google_analytics
Feature: system.google_analytics_id
  The documentation: "Set the Google Analytics ID for your account on a specific page. For
  example, you might have separate domains using the same Olark account, but different
  Google Analytics IDs."

  Decisions where the documentation is silent: the id is where the chat's events are sent
  (`send_to` with gtag.js); the site's setting provides it unless a page sets its own; the
  integration without any id reports nothing and warns.

  Scenario: the page's id receives the events
    Given the embed code configures:
      """
      olark.configure('features.google_analytics', true);
      olark.configure('system.google_analytics_id', 'G-OTHER999');
      """
    And the visitor opens the "analytics" page
    And the widget is ready
    When the visitor clicks the launcher
    Then the page's analytics received:
      """
      ["gtag", "event", "chat_expanded", {"send_to": "G-OTHER999"}]
      """

  Scenario: the site's id unless the page sets its own
    Given the site's settings set "features.google_analytics" to "true"
    And the site's settings set "system.google_analytics_id" to '"G-SITE111"'
    And the embed code configures:
      """
      olark.configure('system.google_analytics_id', 'G-PAGE222');
      """
    And the visitor opens the "analytics" page
    And the widget is ready
    When the visitor clicks the launcher
    Then the page's analytics received:
      """
      ["gtag", "event", "chat_expanded", {"send_to": "G-PAGE222"}]
      """

  Scenario: without an id nothing is reported and the console says why
    Given the embed code configures:
      """
      olark.configure('features.google_analytics', true);
      """
    And the visitor opens the "analytics" page
    And the widget is ready
    When the visitor clicks the launcher
    Then the console shows a warning containing "system.google_analytics_id"
    And the page's analytics received nothing from the chat
