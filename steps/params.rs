//! Parameter types of the shared step vocabulary: the domain words scenarios use
//! (`{part}`, `{call}`, `{times}`, `{box_state}`, `{ordinal}`).

use std::str::FromStr;

use cucumber::Parameter;
use olark_conformance::profile::Part;

/// A part of the widget, resolved through the profile's scope and selectors. Its words
/// are the phrases of `olark_conformance::parts` (the one list of parts).
#[derive(Debug, Clone, Copy)]
pub struct WidgetPart(pub Part);

impl cucumber::codegen::Parameter for WidgetPart {
    const REGEX: &'static str = Part::REGEX;
    const NAME: &'static str = "part";
}

impl FromStr for WidgetPart {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        s.parse().map(WidgetPart)
    }
}

/// A documented API call name, such as `api.box.onShow`.
#[derive(Debug, Clone, Parameter)]
#[param(name = "call", regex = r"api(?:\.[A-Za-z]+)+")]
pub struct Call(pub String);

impl FromStr for Call {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(Call(s.to_string()))
    }
}

/// How many times: `once`, `twice`, `3 times`, `0 times`.
#[derive(Debug, Clone, Copy, Parameter)]
#[param(name = "times", regex = r"once|twice|\d+ times")]
pub struct Times(pub usize);

impl FromStr for Times {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "once" => Ok(Times(1)),
            "twice" => Ok(Times(2)),
            _ => s
                .trim_end_matches(" times")
                .parse()
                .map(Times)
                .map_err(|e| format!("bad count {s:?}: {e}")),
        }
    }
}

/// Which registration of a callback: `1st`, `2nd`, `3rd`, `4th`…
#[derive(Debug, Clone, Copy, Parameter)]
#[param(name = "ordinal", regex = r"\d+(?:st|nd|rd|th)")]
pub struct Ordinal(pub usize);

impl FromStr for Ordinal {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        s.trim_end_matches(char::is_alphabetic)
            .parse()
            .map(Ordinal)
            .map_err(|e| format!("bad ordinal {s:?}: {e}"))
    }
}

/// The visible state of the chatbox as a visitor sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Parameter)]
#[param(name = "box_state", regex = "shown|hidden|expanded|shrunk")]
pub enum BoxState {
    /// The chatbox is on the page (shrunk or expanded).
    Shown,
    /// Nothing of the chatbox is displayed.
    Hidden,
    /// The conversation panel is displayed.
    Expanded,
    /// The chatbox is shown, its launcher displayed and its panel not.
    Shrunk,
}

impl BoxState {
    pub fn word(self) -> &'static str {
        match self {
            BoxState::Shown => "shown",
            BoxState::Hidden => "hidden",
            BoxState::Expanded => "expanded",
            BoxState::Shrunk => "shrunk",
        }
    }
}

impl FromStr for BoxState {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "shown" => Ok(BoxState::Shown),
            "hidden" => Ok(BoxState::Hidden),
            "expanded" => Ok(BoxState::Expanded),
            "shrunk" => Ok(BoxState::Shrunk),
            _ => Err(format!("unknown chatbox state {s:?}")),
        }
    }
}
