@google_analytics
Feature: features.google_analytics
  The documentation: "Use this API call to enable the Google Analytics integration on a
  single page." Example: `olark.configure('features.google_analytics', true);`, with the
  account's id from system.google_analytics_id.

  Decisions where the documentation is silent:
  - The widget reports chat events to the page's own Google Analytics: with gtag.js as
    `gtag('event', <name>, {send_to: <id>})`, else with analytics.js as
    `ga(…'send', 'event', 'Olark', <name>)`. The events are `chat_expanded` (each
    expand), `conversation_started` and `message_sent` (each visitor message).
  - Nothing is reported when the integration is off.

  Scenario: expanding the chatbox is reported to gtag.js
    Given the embed code configures:
      """
      olark.configure('features.google_analytics', true);
      olark.configure('system.google_analytics_id', 'G-TEST123');
      """
    And the visitor opens the "analytics" page
    And the widget is ready
    When the visitor clicks the launcher
    Then the page's analytics received:
      """
      ["gtag", "event", "chat_expanded", {"send_to": "G-TEST123"}]
      """

  @operator
  Scenario: the conversation start and each message are reported
    Given an operator "Alice" is available
    And the embed code configures:
      """
      olark.configure('features.google_analytics', true);
      olark.configure('system.google_analytics_id', 'G-TEST123');
      """
    And the visitor opens the "analytics" page
    And the widget is ready
    And the visitor clicks the launcher
    When the visitor sends "Hello"
    Then the page's analytics received:
      """
      ["gtag", "event", "chat_expanded", {"send_to": "G-TEST123"}]
      ["gtag", "event", "conversation_started", {"send_to": "G-TEST123"}]
      ["gtag", "event", "message_sent", {"send_to": "G-TEST123"}]
      """

  Scenario: a page with analytics.js gets the events through ga
    Given the embed code configures:
      """
      olark.configure('features.google_analytics', true);
      olark.configure('system.google_analytics_id', 'UA-12345-1');
      """
    And the visitor opens the "analytics-ga" page
    And the widget is ready
    When the visitor clicks the launcher
    Then the page's analytics received:
      """
      ["ga"]
      """

  Scenario: nothing is reported when the integration is off
    Given the embed code configures:
      """
      olark.configure('system.google_analytics_id', 'G-TEST123');
      """
    And the visitor opens the "analytics" page
    And the widget is ready
    When the visitor clicks the launcher
    Then the chatbox is expanded
    And the page's analytics received nothing from the chat
