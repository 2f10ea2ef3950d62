//! Reading with a size limit, so that no input can make a reader hold more
//! than the limit in memory.

use std::io::{BufRead, Read};

use crate::error::{Error, Result};

/// Reads a whole stream, failing with a "too large" error naming `name` once
/// it passes `limit` bytes (only `limit + 1` bytes are ever read).
pub fn read_limited(name: &str, stream: impl Read, limit: u64) -> Result<Vec<u8>> {
    let mut buf = Vec::new();
    stream
        .take(limit.saturating_add(1))
        .read_to_end(&mut buf)
        .map_err(|e| Error::Io { path: name.to_string(), source: e })?;
    if buf.len() as u64 > limit {
        return Err(too_large(name, limit));
    }
    Ok(buf)
}

/// The error for an input whose size is unknown but over `limit`.
pub(crate) fn too_large(name: &str, limit: u64) -> Error {
    Error::Format { path: name.to_string(), message: format!("too large (more than {limit} bytes)") }
}

/// What [`read_line`] found.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Line {
    /// The end of the stream; nothing was read.
    Eof,
    /// A line (without its `\n`) is in the buffer.
    Complete,
    /// The line was longer than the limit: the buffer holds its first
    /// `limit` bytes, the rest was read and dropped. Carries its length.
    TooLong(u64),
}

/// Reads one `\n`-terminated line into `buf` (cleared first), keeping at most
/// `limit` bytes of it; the rest of an overlong line is skipped so that the
/// next call starts at the next line.
pub(crate) fn read_line(stream: &mut impl BufRead, buf: &mut Vec<u8>, limit: usize) -> std::io::Result<Line> {
    buf.clear();
    let mut total: u64 = 0;
    let mut any = false;
    loop {
        let chunk = match stream.fill_buf() {
            Ok(c) => c,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if chunk.is_empty() {
            break;
        }
        any = true;
        let (part, done) = match chunk.iter().position(|&b| b == b'\n') {
            Some(i) => (&chunk[..i], true),
            None => (chunk, false),
        };
        let room = limit.saturating_sub(buf.len());
        buf.extend_from_slice(&part[..part.len().min(room)]);
        total += part.len() as u64;
        let used = part.len() + usize::from(done);
        stream.consume(used);
        if done {
            break;
        }
    }
    if !any {
        return Ok(Line::Eof);
    }
    if total > limit as u64 {
        Ok(Line::TooLong(total))
    } else {
        Ok(Line::Complete)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{BufReader, Cursor};

    #[test]
    fn read_limited_refuses_past_the_limit() {
        assert_eq!(read_limited("x", Cursor::new(b"abc".to_vec()), 3).unwrap(), b"abc");
        let e = read_limited("x", Cursor::new(b"abcd".to_vec()), 3).unwrap_err();
        assert_eq!(e.to_string(), "x: too large (more than 3 bytes)");
    }

    #[test]
    fn read_line_bounds_and_skips_long_lines() {
        // A tiny buffer makes lines span several fill_buf calls.
        let mut r = BufReader::with_capacity(2, Cursor::new(b"ab\nabcdefgh\n\nxyz".to_vec()));
        let mut buf = Vec::new();
        assert_eq!(read_line(&mut r, &mut buf, 4).unwrap(), Line::Complete);
        assert_eq!(buf, b"ab");
        assert_eq!(read_line(&mut r, &mut buf, 4).unwrap(), Line::TooLong(8));
        assert_eq!(buf, b"abcd");
        assert_eq!(read_line(&mut r, &mut buf, 4).unwrap(), Line::Complete);
        assert_eq!(buf, b"");
        assert_eq!(read_line(&mut r, &mut buf, 4).unwrap(), Line::Complete);
        assert_eq!(buf, b"xyz");
        assert_eq!(read_line(&mut r, &mut buf, 4).unwrap(), Line::Eof);
    }
}
