//! A response export as a table of text cells: CSV as KoboToolbox (`;` or
//! `,`, every field quoted, CRLF) and ODK Central (`,`, quoted where needed,
//! LF) write it, or the first sheet of an XLSX workbook. Nothing here knows
//! the form; [`super::responses`] maps the columns to questions.

use super::ResponsesError;

/// The largest response file read, in bytes.
pub const MAX_RESPONSES_BYTES: usize = 50 * 1024 * 1024;

/// The header and the rows of an export. Rows are numbered as a
/// spreadsheet shows them: the header is row 1.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub headers: Vec<String>,
    /// Each row with its number in the file.
    pub rows: Vec<(usize, Vec<String>)>,
    /// Where the first column is in the sheet (0 = A), so that a message
    /// names the column the user sees.
    pub first_column: usize,
}

/// Reads an export: a workbook when the bytes are a ZIP archive (an XLSX
/// file is one), else CSV.
pub fn read(bytes: &[u8]) -> Result<Table, ResponsesError> {
    if bytes.len() > MAX_RESPONSES_BYTES {
        return Err(ResponsesError::TooLarge {
            max_mb: MAX_RESPONSES_BYTES / (1024 * 1024),
        });
    }
    // Excel adds a byte order mark when it saves CSV; the exports do not.
    let bom = bytes.starts_with(b"\xEF\xBB\xBF");
    let rest = if bom { &bytes[3..] } else { bytes };
    if rest.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(ResponsesError::Empty);
    }
    let first = rest.iter().find(|b| !b.is_ascii_whitespace());
    if matches!(first, Some(b'{' | b'[')) {
        return Err(ResponsesError::Json);
    }
    let table = if rest.starts_with(b"PK\x03\x04") {
        workbook(rest)?
    } else {
        csv_table(rest).map_err(|e| match e {
            // Counted in the file's own bytes.
            ResponsesError::NotUtf8 { at } if bom => ResponsesError::NotUtf8 { at: at + 3 },
            other => other,
        })?
    };
    Ok(without_tag_row(table))
}

/// Which of `;` and `,` separates the header's fields, counted outside
/// quotes: Kobo writes `;` by default and `,` in its legacy export, ODK
/// Central `,`, so it is read, not assumed.
pub fn separator(header_line: &str) -> u8 {
    let (mut quoted, mut semicolons, mut commas) = (false, 0, 0);
    for c in header_line.chars() {
        match c {
            '"' => quoted = !quoted,
            ';' if !quoted => semicolons += 1,
            ',' if !quoted => commas += 1,
            _ => {}
        }
    }
    if semicolons > commas { b';' } else { b',' }
}

fn csv_table(bytes: &[u8]) -> Result<Table, ResponsesError> {
    let text = std::str::from_utf8(bytes).map_err(|e| ResponsesError::NotUtf8 {
        at: e.valid_up_to(),
    })?;
    let first_line = text.split(['\r', '\n']).next().unwrap_or_default();
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(separator(first_line))
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let not_csv = |e: csv::Error| ResponsesError::NotCsv {
        reason: e.to_string(),
    };
    let mut records = reader.records();
    let headers = match records.next() {
        Some(r) => r.map_err(not_csv)?,
        None => return Err(ResponsesError::Empty),
    };
    if headers.len() > MAX_SHEET_COLUMNS as usize {
        return Err(ResponsesError::SheetTooLarge {
            rows: MAX_SHEET_ROWS,
            columns: MAX_SHEET_COLUMNS,
        });
    }
    let headers: Vec<String> = headers.iter().map(|h| h.trim().to_owned()).collect();
    let mut rows = Vec::new();
    // The line each record starts on, counted from its byte offset: the row
    // a spreadsheet shows, blank lines counted (the reader skips them),
    // where no answer holds a line break.
    let (mut counted_to, mut line) = (0, 1);
    for record in records {
        let record = record.map_err(not_csv)?;
        let start = record.position().map_or(counted_to, |p| p.byte() as usize);
        let mut start = start.clamp(counted_to, text.len());
        // The reader's position is where it began to look: past blank lines.
        while matches!(text.as_bytes().get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        line += line_ends(&text.as_bytes()[counted_to..start]);
        counted_to = start;
        let row = line;
        let cells: Vec<String> = record.iter().map(str::to_owned).collect();
        if cells.iter().all(|c| c.is_empty()) {
            continue;
        }
        if cells.len() != headers.len() {
            return Err(ResponsesError::Ragged {
                row,
                found: cells.len(),
                expected: headers.len(),
            });
        }
        rows.push((row, cells));
    }
    Ok(Table {
        headers,
        rows,
        first_column: 0,
    })
}

/// How many line ends `bytes` holds: LF, CRLF, or a CR alone (old Macs).
fn line_ends(bytes: &[u8]) -> usize {
    let lone_cr = bytes
        .windows(2)
        .filter(|w| w[0] == b'\r' && w[1] != b'\n')
        .count()
        + usize::from(bytes.last() == Some(&b'\r'));
    bytes.iter().filter(|b| **b == b'\n').count() + lone_cr
}

/// The most rows and columns a response sheet may span, and the most cells
/// it may fill: a field survey is far smaller, and a workbook that claims
/// more (a few hundred bytes can name cell XFD1048576) is refused before
/// anything is allocated for it.
pub const MAX_SHEET_ROWS: u32 = 100_000;
pub const MAX_SHEET_COLUMNS: u32 = 2_000;
pub const MAX_SHEET_CELLS: usize = 2_000_000;
/// The most a workbook may unpack to, and a cell's text at the most (what
/// Excel itself holds).
pub const MAX_UNPACKED_BYTES: u64 = 256 * 1024 * 1024;
pub const MAX_CELL_CHARS: usize = 32_767;

/// A workbook's first sheet. The reader is another crate's: should it fail
/// on a file no test has shown it, the file is refused, not the window
/// lost.
#[cfg(not(target_arch = "wasm32"))]
fn workbook(bytes: &[u8]) -> Result<Table, ResponsesError> {
    let read = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| read_workbook(bytes)));
    read.unwrap_or_else(|_| {
        Err(ResponsesError::NotWorkbook {
            reason: crate::text::survey::survey_texts().reader_failed.to_owned(),
        })
    })
}

#[cfg(not(target_arch = "wasm32"))]
fn read_workbook(bytes: &[u8]) -> Result<Table, ResponsesError> {
    use calamine::{Reader, Xlsx};
    use std::collections::BTreeMap;
    let not = |e: &dyn std::fmt::Display| ResponsesError::NotWorkbook {
        reason: e.to_string(),
    };
    guard_workbook(bytes)?;
    let mut book: Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).map_err(|e| not(&e))?;
    let Some(first) = book.sheet_names().first().cloned() else {
        return Err(ResponsesError::Empty);
    };
    let mut reader = book.worksheet_cells_reader(&first).map_err(|e| not(&e))?;
    // Only the cells there are, row by row: never the sheet's whole span.
    let mut cells: BTreeMap<u32, Vec<(u32, String)>> = BTreeMap::new();
    let (mut count, mut bytes_kept) = (0, 0);
    while let Some(cell) = reader.next_cell().map_err(|e| not(&e))? {
        let (row, column) = cell.get_position();
        if row >= MAX_SHEET_ROWS || column >= MAX_SHEET_COLUMNS {
            return Err(ResponsesError::SheetTooLarge {
                rows: MAX_SHEET_ROWS,
                columns: MAX_SHEET_COLUMNS,
            });
        }
        let mut text = cell_text(cell.get_value());
        if let Some((cut, _)) = text.char_indices().nth(MAX_CELL_CHARS) {
            text.truncate(cut);
        }
        if !text.is_empty() {
            count += 1;
            bytes_kept += text.len() as u64;
            if count > MAX_SHEET_CELLS || bytes_kept > MAX_UNPACKED_BYTES {
                return Err(ResponsesError::TooManyCells {
                    cells: MAX_SHEET_CELLS,
                });
            }
            cells.entry(row).or_default().push((column, text));
        }
    }
    let first_column = cells.values().flatten().map(|(c, _)| *c).min().unwrap_or(0);
    let width = cells
        .values()
        .flatten()
        .map(|(c, _)| *c + 1)
        .max()
        .unwrap_or(0);
    let line = |row: &[(u32, String)]| {
        let mut out = vec![String::new(); (width - first_column) as usize];
        for (c, text) in row {
            out[(c - first_column) as usize] = text.clone();
        }
        out
    };
    let mut rows = cells.into_iter();
    let Some((_, head)) = rows.next() else {
        return Err(ResponsesError::Empty);
    };
    let headers = line(&head)
        .into_iter()
        .map(|h| h.trim().to_owned())
        .collect();
    Ok(Table {
        headers,
        // A spreadsheet numbers rows from 1.
        rows: rows
            .map(|(r, cells)| (r as usize + 1, line(&cells)))
            .collect(),
        first_column: first_column as usize,
    })
}

/// Looks at what a workbook says of itself before it is opened: what its
/// parts unpack to, and how many distinct texts it holds (calamine makes
/// room for that many at once).
#[cfg(not(target_arch = "wasm32"))]
fn guard_workbook(bytes: &[u8]) -> Result<(), ResponsesError> {
    use std::io::Read;
    let not = |e: &dyn std::fmt::Display| ResponsesError::NotWorkbook {
        reason: e.to_string(),
    };
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| not(&e))?;
    let mut unpacked: u64 = 0;
    for i in 0..archive.len() {
        let part = archive.by_index_raw(i).map_err(|e| not(&e))?;
        unpacked = unpacked.saturating_add(part.size());
    }
    if unpacked > MAX_UNPACKED_BYTES {
        return Err(ResponsesError::TooLarge {
            max_mb: (MAX_UNPACKED_BYTES / (1024 * 1024)) as usize,
        });
    }
    let Ok(strings) = archive.by_name("xl/sharedStrings.xml") else {
        return Ok(());
    };
    let mut head = Vec::new();
    strings
        .take(4096)
        .read_to_end(&mut head)
        .map_err(|e| not(&e))?;
    let head = String::from_utf8_lossy(&head);
    for attribute in ["uniqueCount=\"", "count=\""] {
        let declared = head
            .split(attribute)
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .map(|n| n.parse::<u64>().unwrap_or(u64::MAX));
        if declared.is_some_and(|n| n > MAX_SHEET_CELLS as u64) {
            return Err(ResponsesError::TooManyCells {
                cells: MAX_SHEET_CELLS,
            });
        }
    }
    Ok(())
}

/// A cell as an export means it: a whole number without ".0", a date as
/// yyyy-mm-dd (Kobo's XLSX types its dates unless told not to).
#[cfg(not(target_arch = "wasm32"))]
fn cell_text(d: &calamine::DataRef) -> String {
    use calamine::DataRef;
    match d {
        DataRef::Empty => String::new(),
        DataRef::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        DataRef::DateTime(t) if t.is_datetime() => {
            // calamine knows the workbook's date system (1900 or 1904).
            let (year, month, day, ..) = t.to_ymd_hms_milli();
            format!("{year:04}-{month:02}-{day:02}")
        }
        DataRef::Float(f) => f.to_string(),
        DataRef::Int(i) => i.to_string(),
        DataRef::String(text) | DataRef::DateTimeIso(text) | DataRef::DurationIso(text) => {
            text.clone()
        }
        DataRef::SharedString(text) => (*text).to_owned(),
        DataRef::Bool(b) => if *b { "True" } else { "False" }.to_owned(),
        DataRef::DateTime(t) => t.as_f64().to_string(),
        DataRef::Error(e) => e.to_string(),
    }
}

/// An Excel serial date (days since 1899-12-30) as yyyy-mm-dd, the time of
/// day dropped.
pub fn excel_day(serial: f64) -> String {
    if !serial.is_finite() || !(0.0..3_000_000.0).contains(&serial) {
        return serial.to_string();
    }
    // Days from 1970-01-01, then the civil date (Hinnant's algorithm).
    let z = serial.floor() as i64 - 25_569 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

#[cfg(target_arch = "wasm32")]
fn workbook(_bytes: &[u8]) -> Result<Table, ResponsesError> {
    Err(ResponsesError::WorkbookInBrowser)
}

/// Kobo writes a second header row of HXL tags when the form has them:
/// every cell empty or a `#tag`.
fn without_tag_row(mut table: Table) -> Table {
    let is_tags = |cells: &[String]| {
        cells.iter().any(|c| c.starts_with('#'))
            && cells.iter().all(|c| c.is_empty() || c.starts_with('#'))
    };
    if table.rows.first().is_some_and(|(_, cells)| is_tags(cells)) {
        table.rows.remove(0);
    }
    table
}

/// A column's letters as a spreadsheet shows them: 0 → A, 26 → AA.
pub fn column_letters(index: usize) -> String {
    let mut n = index + 1;
    let mut out = Vec::new();
    while n > 0 {
        let r = (n - 1) % 26;
        out.push(b'A' + r as u8);
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_separator_is_read_outside_quotes() {
        assert_eq!(separator("\"a\";\"b,c\";\"d\""), b';');
        assert_eq!(separator("SubmissionDate,a,\"b;c\",KEY"), b',');
    }

    #[test]
    fn columns_are_lettered_as_a_spreadsheet_does() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(27 * 26), "AAA");
    }

    #[test]
    fn a_row_with_a_cell_too_many_is_named() {
        let ragged = |row| ResponsesError::Ragged {
            row,
            found: 3,
            expected: 2,
        };
        assert_eq!(read(b"a,b\n1,2\n1,2,3\n"), Err(ragged(3)));
        // A blank line is a row a spreadsheet shows, and counts.
        assert_eq!(read(b"a,b\n1,2\n\n1,2,3\n"), Err(ragged(4)));
        // Old Mac line ends: CR alone.
        assert_eq!(read(b"a,b\r1,2\r\r1,2,3\r"), Err(ragged(4)));
        assert_eq!(read(b"a,b\r\n1,2\r\n1,2,3\r\n"), Err(ragged(3)));
    }

    #[test]
    fn excel_days_read_as_the_calendar_has_them() {
        // Serial numbers as Excel shows them for these days.
        assert_eq!(excel_day(1.0), "1899-12-31");
        assert_eq!(excel_day(25_569.0), "1970-01-01");
        assert_eq!(excel_day(36_951.0), "2001-03-01");
        assert_eq!(excel_day(46_354.75), "2026-11-28");
    }

    #[test]
    fn a_byte_order_mark_is_not_part_of_the_first_header() {
        let t = read(b"\xEF\xBB\xBFstart,end\n1,2\n").unwrap();
        assert_eq!(t.headers, ["start", "end"]);
        assert_eq!(read(b"\xEF\xBB\xBF{\"a\": 1}"), Err(ResponsesError::Json));
        assert_eq!(
            read(b"\xEF\xBB\xBFa\n\xff\n"),
            Err(ResponsesError::NotUtf8 { at: 5 })
        );
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod workbook_tests {
    use super::*;

    #[test]
    fn too_many_columns_are_refused_before_they_are_read() {
        let wide = ";".repeat(MAX_SHEET_COLUMNS as usize + 1);
        assert!(matches!(
            read(format!("{wide}\n").as_bytes()),
            Err(ResponsesError::SheetTooLarge { .. })
        ));
    }
}
