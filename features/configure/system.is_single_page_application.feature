@configure @clock
Feature: system.is_single_page_application
  The documentation ("Single page applications"): "Visitors who leave your site, or have
  been idle for a long time without changing page, will eventually stop sending polling
  requests. If you have a single page application where the visitor does not change
  pages, they may incorrectly be detected as being idle. You can prevent this by setting
  is_single_page_application to true."

  Decisions where the documentation is silent: the backend counts a visitor idle after 5
  minutes without a request (docs/backend-protocol.md); a single-page application's
  widget keeps it informed. These minutes pass on the virtual clock.

  Scenario: a single-page application's visitor stays active
    Given the embed code configures:
      """
      olark.configure('system.is_single_page_application', true);
      """
    And the visitor is on a page with the widget
    When 10 minutes pass
    Then the backend sees the visitor as active

  Scenario: without it a visitor who stays on one page becomes idle
    Given the visitor is on a page with the widget
    When 10 minutes pass
    Then the backend sees the visitor as idle

  Scenario: a visitor who just arrived is active
    Given the visitor is on a page with the widget
    Then the backend sees the visitor as active
