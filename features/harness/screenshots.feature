@harness @screenshot @operator
Feature: Screenshots of an implementation
  Not a conformance check: these scenarios capture the widget in three configurations
  (target/conformance-artifacts/screenshots/*.png), to look at an implementation as a
  visitor would. The pictures in docs/screenshots/ come from here.

  Background:
    Given an operator "Alice" is available

  Scenario: default
    Given the visitor is on a page with the widget
    And the visitor clicks the launcher
    And the visitor sends "Hi! Do you ship to Costa Rica?"
    And operator "Alice" says "Hello! Yes, we ship worldwide. Delivery takes 5-7 days."
    Then the chat shows the operator message "Hello! Yes, we ship worldwide. Delivery takes 5-7 days." from "Alice"
    And the page is captured as "default"

  Scenario: left, dark, hard corners
    Given the embed code configures:
      """
      olark.configure('system.hb_position', 'left');
      olark.configure('system.hb_dark_theme', true);
      olark.configure('system.hb_custom_style', { general: { fonts: [''], corners: 'hard', secondaryColor: '' } });
      """
    And the visitor is on a page with the widget
    And the visitor clicks the launcher
    And the visitor sends "Can I change my order?"
    And operator "Alice" says "Of course. What's your order number?"
    Then the chat shows the operator message "Of course. What's your order number?" from "Alice"
    And the page is captured as "left-dark-hard"

  Scenario: side drawer
    Given the embed code configures:
      """
      olark.configure('system.hb_chatbox_size', 'dr');
      olark.configure('system.hb_primary_color', '#744da8');
      """
    And the visitor is on a page with the widget
    And the visitor clicks the launcher
    And operator "Alice" says "Welcome! Let me know if you have any questions."
    Then the chat shows the operator message "Welcome! Let me know if you have any questions." from "Alice"
    And the page is captured as "side-drawer"

  Scenario: minimized with the Attention Grabber
    Given the embed code configures:
      """
      olark.configure('features.attention_grabber', true);
      olark.configure('CalloutBubble.bubble_image_url', '/images/grabber-online.svg');
      olark.configure('system.hb_show_button_text', true);
      """
    And the visitor is on a page with the widget
    Then the attention grabber is displayed
    And the page is captured as "minimized-grabber"
