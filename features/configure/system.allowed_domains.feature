@configure
Feature: system.allowed_domains
  The documentation: "Set which domains the chatbox will be displayed on. [...] Use * as a
  wildcard. Separate multiple domains with commas, e.g.
  *.yourdomain.com,*.yourotherdomain.com".

  Decisions where the documentation is silent: patterns match the page's host name,
  case-insensitively, `*` standing for any characters (dots included); on a host no
  pattern matches, the widget does not load at all (not even hidden). Each scenario's page
  is on its own `<site>.localhost` host.

  Scenario: a wildcard matching this host shows the widget
    Given the embed code configures:
      """
      olark.configure('system.allowed_domains', '*.localhost');
      """
    When the visitor opens the page
    Then the widget becomes ready
    And the chatbox is shown

  Scenario: a list where only the second pattern matches
    Given the embed code configures:
      """
      olark.configure('system.allowed_domains', '*.yourdomain.com,S*.LOCALHOST');
      """
    When the visitor opens the page
    Then the widget becomes ready

  Scenario: on a host no pattern matches the widget does not load
    Given the embed code configures:
      """
      olark.configure('system.allowed_domains', '*.yourdomain.com,*.yourotherdomain.com');
      """
    When the visitor opens the page
    Then the widget does not load

  Scenario: an exact host name that is another host does not match
    Given the embed code configures:
      """
      olark.configure('system.allowed_domains', 'shop.localhost');
      """
    When the visitor opens the page
    Then the widget does not load
