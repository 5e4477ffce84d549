@harness @clock
Feature: The virtual clock
  Time-based behaviour (greeter delays, "60 seconds without a reply", visit lengths) runs
  on a virtual clock: scenarios tagged @clock get a page whose Date, setTimeout,
  setInterval and performance.now only move when a step says so, and a backend clock for
  the site that moves with it. This feature checks the harness itself.

  Scenario: timers fire when their time has passed, not before
    Given the visitor is on a page with the widget
    And the page runs:
      """
      setTimeout(function () { yourAnalytics.track('thirty seconds'); }, 30000);
      """
    When 29 seconds pass
    Then the page tracked "thirty seconds" 0 times
    When 1 second passes
    Then the page tracked "thirty seconds" once

  Scenario: intervals fire once per period
    Given the visitor is on a page with the widget
    And the page runs:
      """
      setInterval(function () { yourAnalytics.track('tick'); }, 10000);
      """
    When 35 seconds pass
    Then the page tracked "tick" 3 times

  Scenario: the page's clock and the backend's clock advance together
    Given the visitor is on a page with the widget
    Then the page's clock reads 0 seconds after the start
    When 90 seconds pass
    Then the page's clock reads 90 seconds after the start
    And the backend's clock reads 90 seconds after the start

  Scenario: a page opened later starts from the backend's time
    Given 60 seconds pass
    When the visitor opens the page
    Then the page's clock reads 60 seconds after the start
