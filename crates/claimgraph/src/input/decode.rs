//! From bytes to text: binary detection, UTF-8 (and UTF-16 with a byte order
//! mark) decoding, and the legacy charsets an HTML page or HTTP response
//! declares.

use encoding_rs::Encoding;

use crate::error::{Error, Result};

/// True when a sample of an input looks like binary data rather than text:
/// it holds NUL bytes or many control characters. UTF-16 text (with its byte
/// order mark) is not binary.
pub fn looks_binary(sample: &[u8]) -> bool {
    if sample.starts_with(&[0xff, 0xfe]) || sample.starts_with(&[0xfe, 0xff]) {
        return false;
    }
    let sample = &sample[..sample.len().min(8192)];
    if sample.contains(&0) {
        return true;
    }
    let controls = sample.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c | 0x1b)).count();
    controls * 20 > sample.len()
}

/// Decodes a text file: UTF-8 (a byte order mark is dropped) or UTF-16 with a
/// byte order mark. Fails for binary data, for other encodings (with a
/// message saying it is not UTF-8) and for input holding only white space.
pub fn decode_text(name: &str, bytes: Vec<u8>) -> Result<String> {
    if looks_binary(&bytes) {
        return Err(Error::Binary { path: name.to_string() });
    }
    let text = match Encoding::for_bom(&bytes) {
        Some((enc, bom)) if enc != encoding_rs::UTF_8 => {
            let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom..]);
            if had_errors {
                return Err(Error::Format {
                    path: name.to_string(),
                    message: format!("not valid {} text", enc.name()),
                });
            }
            text.into_owned()
        }
        _ => {
            let mut text = String::from_utf8(bytes).map_err(|_| Error::NotUtf8 { path: name.to_string() })?;
            if text.starts_with('\u{feff}') {
                text.drain(..'\u{feff}'.len_utf8());
            }
            text
        }
    };
    non_empty(name, text)
}

/// Decodes an HTML page: UTF-8 when it is valid UTF-8, else the charset the
/// HTTP response (`header_charset`) or the page's own `<meta>` declares
/// (e.g. windows-1252, ISO-8859-1, Shift_JIS). Fails like [`decode_text`]
/// when neither works.
pub fn decode_html(name: &str, bytes: Vec<u8>, header_charset: Option<&str>) -> Result<String> {
    if looks_binary(&bytes) {
        return Err(Error::Binary { path: name.to_string() });
    }
    if Encoding::for_bom(&bytes).is_some_and(|(e, _)| e != encoding_rs::UTF_8) {
        return decode_text(name, bytes);
    }
    match String::from_utf8(bytes) {
        Ok(mut text) => {
            if text.starts_with('\u{feff}') {
                text.drain(..'\u{feff}'.len_utf8());
            }
            non_empty(name, text)
        }
        Err(e) => {
            let bytes = e.into_bytes();
            let declared = header_charset.map(str::to_string).or_else(|| meta_charset(&bytes));
            let enc = declared.as_deref().and_then(|l| Encoding::for_label(l.trim().as_bytes()));
            match enc {
                // A page declaring UTF-8 that is not UTF-8 is broken; say so
                // rather than guess.
                Some(enc) if enc != encoding_rs::UTF_8 => {
                    let (text, _, _) = enc.decode(&bytes);
                    non_empty(name, text.into_owned())
                }
                _ => Err(Error::NotUtf8 { path: name.to_string() }),
            }
        }
    }
}

/// The charset named by `<meta charset=...>` or `<meta http-equiv=...
/// content="...; charset=...">` in the first KB of a page (the HTML standard
/// says the declaration must be there).
fn meta_charset(bytes: &[u8]) -> Option<String> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).to_ascii_lowercase();
    let mut rest = head.as_str();
    while let Some(i) = rest.find("charset") {
        rest = &rest[i + "charset".len()..];
        let value = rest.trim_start().strip_prefix('=')?.trim_start();
        let value = value.trim_start_matches(['"', '\'']);
        let end = value
            .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.')))
            .unwrap_or(value.len());
        if end > 0 {
            return Some(value[..end].to_string());
        }
    }
    None
}

/// The charset parameter of an HTTP `Content-Type` value.
pub fn content_type_charset(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        (k.trim().eq_ignore_ascii_case("charset")).then(|| v.trim().trim_matches(['"', '\'']).to_string())
    })
}

fn non_empty(name: &str, text: String) -> Result<String> {
    if text.trim().is_empty() {
        return Err(Error::Empty { path: name.to_string() });
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binary_and_text_are_told_apart() {
        assert!(looks_binary(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"));
        assert!(looks_binary(&[1, 2, 3, 4, 5, 6, b'a']));
        assert!(!looks_binary("Plain text, with a tab\tand \u{e9}.\n".as_bytes()));
        assert!(!looks_binary(b"\xff\xfeH\0i\0"));
    }

    #[test]
    fn text_decoding() {
        assert_eq!(decode_text("a", "\u{feff}Hello".as_bytes().to_vec()).unwrap(), "Hello");
        assert_eq!(decode_text("a", b"\xff\xfeH\0i\0".to_vec()).unwrap(), "Hi");
        assert!(matches!(decode_text("a", b"caf\xe9".to_vec()), Err(Error::NotUtf8 { .. })));
        assert!(matches!(decode_text("a", b" \n\t ".to_vec()), Err(Error::Empty { .. })));
    }

    #[test]
    fn html_uses_the_declared_charset() {
        let page =
            b"<html><head><meta charset=\"windows-1252\"></head><body><p>Caf\xe9 \x93quoted\x94</p></body></html>";
        let text = decode_html("p", page.to_vec(), None).unwrap();
        assert!(text.contains("Caf\u{e9} \u{201c}quoted\u{201d}"));
        let page = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"><p>na\xefve</p>";
        assert!(decode_html("p", page.to_vec(), None).unwrap().contains("na\u{ef}ve"));
        assert!(decode_html("p", b"<p>na\xefve</p>".to_vec(), Some("latin1")).unwrap().contains("na\u{ef}ve"));
        assert!(matches!(decode_html("p", b"<p>na\xefve</p>".to_vec(), None), Err(Error::NotUtf8 { .. })));
    }

    #[test]
    fn content_type_charset_parameter() {
        assert_eq!(content_type_charset("text/html; charset=\"UTF-8\"").as_deref(), Some("UTF-8"));
        assert_eq!(content_type_charset("text/html"), None);
    }
}
