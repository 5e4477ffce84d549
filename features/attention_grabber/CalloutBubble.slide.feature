@attention_grabber
Feature: CalloutBubble.slide
  The documentation ("Attention Grabber animation"): the Attention Grabber slides out
  when `olark.configure('CalloutBubble.slide', true);`; "should you enable the slide out
  action on the Attention Grabber settings page, you can disable this animation per page
  by switching the true to false".

  Decisions where the documentation is silent: "animates" means an animation or
  transition runs on the Attention Grabber as it appears (Web Animations'
  getAnimations); without slide, none does.

  Scenario: it slides out when slide is on
    Given the embed code configures:
      """
      olark.configure('features.attention_grabber', true);
      olark.configure('CalloutBubble.slide', true);
      """
    When the visitor opens the page
    Then the attention grabber animated when it appeared

  Scenario: no animation by default
    Given the embed code configures:
      """
      olark.configure('features.attention_grabber', true);
      """
    When the visitor opens the page
    Then the attention grabber did not animate when it appeared

  Scenario: a page turns off the site's slide
    Given the site's settings set "CalloutBubble.slide" to "true"
    And the embed code configures:
      """
      olark.configure('features.attention_grabber', true);
      olark.configure('CalloutBubble.slide', false);
      """
    When the visitor opens the page
    Then the attention grabber did not animate when it appeared
