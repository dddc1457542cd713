//! Units that carry their meaning in the type: points on the page, lengths a user typed in mm or
//! inches, font sizes that may be Chinese size names (五号, 小五 …), and colours.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer, de};

/// A distance in PostScript points (1/72 in), the unit of all geometry in the model and layout.
#[derive(Clone, Copy, Debug, Default, PartialEq, PartialOrd, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Pt(pub f32);

impl Pt {
    pub const ZERO: Self = Self(0.0);

    pub fn from_mm(mm: f32) -> Self {
        Self(mm * 72.0 / 25.4)
    }

    pub fn to_mm(self) -> f32 {
        self.0 * 25.4 / 72.0
    }
}

impl std::ops::Add for Pt {
    type Output = Self;
    fn add(self, rhs: Self) -> Self {
        Self(self.0 + rhs.0)
    }
}

impl std::ops::Sub for Pt {
    type Output = Self;
    fn sub(self, rhs: Self) -> Self {
        Self(self.0 - rhs.0)
    }
}

impl std::ops::Mul<f32> for Pt {
    type Output = Self;
    fn mul(self, rhs: f32) -> Self {
        Self(self.0 * rhs)
    }
}

/// A length as the user wrote it: a bare number is points; strings carry a unit
/// (`"390mm"`, `"12in"`, `"10.5pt"`). Kept in its unit so a saved file reads as it was written.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Length {
    Pt(f32),
    Mm(f32),
    In(f32),
}

impl Length {
    pub fn pt(self) -> Pt {
        match self {
            Self::Pt(v) => Pt(v),
            Self::Mm(v) => Pt::from_mm(v),
            Self::In(v) => Pt(v * 72.0),
        }
    }
}

impl Default for Length {
    fn default() -> Self {
        Self::Pt(0.0)
    }
}

impl fmt::Display for Length {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Pt(v) => write!(f, "{v}pt"),
            Self::Mm(v) => write!(f, "{v}mm"),
            Self::In(v) => write!(f, "{v}in"),
        }
    }
}

impl std::str::FromStr for Length {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        let s = s.trim();
        let (num, ctor): (&str, fn(f32) -> Length) = if let Some(n) = s.strip_suffix("mm") {
            (n, Length::Mm)
        } else if let Some(n) = s.strip_suffix("in") {
            (n, Length::In)
        } else if let Some(n) = s.strip_suffix("pt") {
            (n, Length::Pt)
        } else {
            (s, Length::Pt)
        };
        let value: f32 = num.trim().parse().map_err(|_| {
            format!("a length such as 12, \"12pt\", \"4.5mm\" or \"1in\", not {s:?}")
        })?;
        if !value.is_finite() {
            return Err(format!("a finite length, not {s:?}"));
        }
        Ok(ctor(value))
    }
}

impl Serialize for Length {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Pt(v) => s.serialize_f32(*v),
            other => s.serialize_str(&other.to_string()),
        }
    }
}

impl<'de> Deserialize<'de> for Length {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(NumberOrStr(
            "a length: points as a number, or a string like \"4.5mm\"",
        ))
        .and_then(|v| match v {
            NumOrStr::Num(n) => Ok(Length::Pt(n)),
            NumOrStr::Str(s) => s.parse().map_err(de::Error::custom),
        })
    }
}

/// Chinese type sizes (字号) and their point values, as used by Founder and Chinese printers.
pub const CHINESE_SIZES: &[(&str, f32)] = &[
    ("初号", 42.0),
    ("小初", 36.0),
    ("一号", 26.0),
    ("小一", 24.0),
    ("二号", 22.0),
    ("小二", 18.0),
    ("三号", 16.0),
    ("小三", 15.0),
    ("四号", 14.0),
    ("小四", 12.0),
    ("五号", 10.5),
    ("小五", 9.0),
    ("六号", 7.5),
    ("小六", 6.5),
    ("七号", 5.5),
    ("八号", 5.0),
];

/// A font size: points, or a Chinese size name which is kept by name when saved.
#[derive(Clone, Debug, PartialEq)]
pub enum FontSize {
    Pt(f32),
    Named(String),
}

impl FontSize {
    pub fn pt(&self) -> Pt {
        match self {
            Self::Pt(v) => Pt(*v),
            Self::Named(name) => Pt(chinese_size(name).unwrap_or(10.5)),
        }
    }
}

/// The point value of a Chinese size name such as `五号` or `小五`.
pub fn chinese_size(name: &str) -> Option<f32> {
    CHINESE_SIZES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, v)| *v)
}

impl std::str::FromStr for FontSize {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        if chinese_size(s.trim()).is_some() {
            return Ok(Self::Named(s.trim().to_owned()));
        }
        match s.parse::<Length>() {
            Ok(len) if len.pt().0 > 0.0 => Ok(Self::Pt(len.pt().0)),
            _ => Err(format!(
                "a font size in points (10.5, \"10.5pt\") or a Chinese size name ({}), not {s:?}",
                CHINESE_SIZES
                    .iter()
                    .map(|(n, _)| *n)
                    .collect::<Vec<_>>()
                    .join(" ")
            )),
        }
    }
}

impl Serialize for FontSize {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Pt(v) => s.serialize_f32(*v),
            Self::Named(n) => s.serialize_str(n),
        }
    }
}

impl<'de> Deserialize<'de> for FontSize {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(NumberOrStr(
            "a font size: points, or a name such as \"五号\"",
        ))
        .and_then(|v| match v {
            NumOrStr::Num(n) if n > 0.0 => Ok(FontSize::Pt(n)),
            NumOrStr::Num(n) => Err(de::Error::custom(format!("a positive font size, not {n}"))),
            NumOrStr::Str(s) => s.parse().map_err(de::Error::custom),
        })
    }
}

/// An sRGB or CMYK colour. Newspapers print black text as pure K.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub enum Color {
    /// Red, green, blue, 0–255.
    Rgb(u8, u8, u8),
    /// Cyan, magenta, yellow, black in percent, 0–100.
    Cmyk(u8, u8, u8, u8),
}

impl Color {
    pub const BLACK: Self = Self::Cmyk(0, 0, 0, 100);

    /// An approximate sRGB value for screens and raster previews.
    pub fn to_rgb(self) -> [u8; 3] {
        match self {
            Self::Rgb(r, g, b) => [r, g, b],
            Self::Cmyk(c, m, y, k) => {
                let f = |x: u8| {
                    (1.0 - f32::from(x.min(100)) / 100.0) * (1.0 - f32::from(k.min(100)) / 100.0)
                };
                [c, m, y].map(|x| (f(x) * 255.0).round() as u8)
            }
        }
    }
}

impl Default for Color {
    fn default() -> Self {
        Self::BLACK
    }
}

enum NumOrStr {
    Num(f32),
    Str(String),
}

struct NumberOrStr(&'static str);

impl de::Visitor<'_> for NumberOrStr {
    type Value = NumOrStr;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<NumOrStr, E> {
        Ok(NumOrStr::Num(v as f32))
    }

    fn visit_f32<E: de::Error>(self, v: f32) -> Result<NumOrStr, E> {
        Ok(NumOrStr::Num(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<NumOrStr, E> {
        Ok(NumOrStr::Num(v as f32))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<NumOrStr, E> {
        Ok(NumOrStr::Num(v as f32))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<NumOrStr, E> {
        Ok(NumOrStr::Str(v.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_size_names_have_their_point_values() {
        assert_eq!("五号".parse::<FontSize>().unwrap().pt(), Pt(10.5));
        assert_eq!("小五".parse::<FontSize>().unwrap().pt(), Pt(9.0));
        assert_eq!("六号".parse::<FontSize>().unwrap().pt(), Pt(7.5));
        assert!("七七号".parse::<FontSize>().is_err());
    }

    #[test]
    fn lengths_convert_units_to_points() {
        assert!(("25.4mm".parse::<Length>().unwrap().pt().0 - 72.0).abs() < 1e-4);
        assert_eq!("1in".parse::<Length>().unwrap().pt(), Pt(72.0));
        assert_eq!("9pt".parse::<Length>().unwrap().pt(), Pt(9.0));
        assert!("nine".parse::<Length>().is_err());
    }
}
