//! A JSON tree that keeps what serde_json's own `Value` throws away: the order
//! of keys and duplicate keys. Preset checking needs both, to name a
//! duplicate key and to report the first problem in the order it is written.

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use std::fmt;

/// A JSON number as written: an integer, or a number with a fraction or
/// exponent (`2.0` is not an integer).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Number {
    Integer(i128),
    Float(f64),
}

impl Number {
    /// The value as f64 (integers convert exactly up to 2^53).
    pub fn as_f64(self) -> f64 {
        match self {
            Number::Integer(i) => i as f64,
            Number::Float(f) => f,
        }
    }
}

impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Number::Integer(i) => write!(f, "{i}"),
            Number::Float(x) => write!(f, "{x:?}"),
        }
    }
}

/// A JSON value.
#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Number(Number),
    String(String),
    Array(Vec<Json>),
    /// Keys in the order written, duplicates kept.
    Object(Vec<(String, Json)>),
}

impl Json {
    /// What kind of value this is, for messages ("a string", "an object").
    pub fn kind(&self) -> &'static str {
        let m = crate::text::messages::messages();
        match self {
            Json::Null => m.null,
            Json::Bool(_) => m.a_boolean,
            Json::Number(Number::Integer(_)) => m.an_integer,
            Json::Number(Number::Float(_)) => m.a_number,
            Json::String(_) => m.a_string,
            Json::Array(_) => m.an_array,
            Json::Object(_) => m.an_object,
        }
    }
}

impl<'de> Deserialize<'de> for Json {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Json, D::Error> {
        d.deserialize_any(JsonVisitor)
    }
}

struct JsonVisitor;

impl<'de> Visitor<'de> for JsonVisitor {
    type Value = Json;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_unit<E>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }
    fn visit_bool<E>(self, b: bool) -> Result<Json, E> {
        Ok(Json::Bool(b))
    }
    fn visit_i64<E>(self, i: i64) -> Result<Json, E> {
        Ok(Json::Number(Number::Integer(i.into())))
    }
    fn visit_u64<E>(self, u: u64) -> Result<Json, E> {
        Ok(Json::Number(Number::Integer(u.into())))
    }
    fn visit_f64<E>(self, f: f64) -> Result<Json, E> {
        Ok(Json::Number(Number::Float(f)))
    }
    fn visit_str<E>(self, s: &str) -> Result<Json, E> {
        Ok(Json::String(s.to_owned()))
    }
    fn visit_string<E>(self, s: String) -> Result<Json, E> {
        Ok(Json::String(s))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json, A::Error> {
        let mut out = Vec::new();
        while let Some(v) = seq.next_element()? {
            out.push(v);
        }
        Ok(Json::Array(out))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json, A::Error> {
        let mut out = Vec::new();
        while let Some((k, v)) = map.next_entry::<String, Json>()? {
            out.push((k, v));
        }
        Ok(Json::Object(out))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_order_duplicates_and_integer_or_float() {
        let v: Json =
            serde_json::from_str(r#"{"b": 2, "a": 2.0, "b": [null, true, "x"]}"#).unwrap();
        let Json::Object(pairs) = v else {
            panic!("not an object")
        };
        let keys: Vec<&str> = pairs.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["b", "a", "b"]);
        assert_eq!(pairs[0].1, Json::Number(Number::Integer(2)));
        assert_eq!(pairs[1].1, Json::Number(Number::Float(2.0)));
        assert_eq!(pairs[2].1.kind(), "an array");
    }
}
