//! The logframe as an XLSX workbook (rust_xlsxwriter): a title, a note on
//! where it comes from, the headings (frozen, and repeated on every printed
//! page), then a row per level. The model's suggestions are grey and
//! italic, the user's words black, piece by piece where a cell holds several
//! boxes, so the user sees what is still to be decided.

use super::logframe::{Part, Row, cells, headings};
use crate::model::Model;
use crate::plan::Plan;
use crate::preset::Preset;
use crate::text::{fill, texts};
use rust_xlsxwriter::{Color, Format, FormatAlign, Workbook, Worksheet, XlsxError};

/// The grey of the model's suggestions.
const SUGGESTED_GREY: u32 = 0x6b6b6b;
/// Column widths, in characters.
const WIDTHS: [f64; 8] = [6.0, 10.0, 48.0, 48.0, 22.0, 22.0, 30.0, 56.0];
/// The row of the headings.
const HEAD: u32 = 3;

/// The formats of the sheet.
struct Formats {
    wrap: Format,
    suggested: Format,
    heading: Format,
    title: Format,
    /// Fonts for the pieces of a cell that mixes the user's words and the
    /// model's.
    mine_font: Format,
    suggested_font: Format,
}

impl Formats {
    fn new() -> Formats {
        let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
        let grey = |f: Format| f.set_font_color(Color::RGB(SUGGESTED_GREY)).set_italic();
        Formats {
            suggested: grey(wrap.clone()),
            heading: wrap
                .clone()
                .set_bold()
                .set_background_color(Color::RGB(0xdde6f0)),
            title: Format::new().set_bold().set_font_size(14),
            mine_font: Format::new(),
            suggested_font: grey(Format::new()),
            wrap,
        }
    }
}

/// The logframe of `plan` as the bytes of an XLSX file.
pub fn logframe_xlsx(
    model: &Model,
    preset: &Preset,
    plan: &Plan,
    rows: &[Row],
) -> Result<Vec<u8>, XlsxError> {
    let t = texts();
    let f = Formats::new();
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name(t.logframe_sheet)?;
    let title = fill(
        t.logframe_title,
        &[("plan", &plan.name), ("cluster", &preset.name)],
    );
    sheet.write_string_with_format(0, 0, title, &f.title)?;
    sheet.write_string(1, 0, fill(t.logframe_note, &[("model", model.name())]))?;
    // Each outcome row is one entry's credit: say how it is counted.
    sheet.write_string(2, 0, &model.chain.attribution)?;
    for (c, h) in headings().iter().enumerate() {
        sheet.write_string_with_format(HEAD, c as u16, *h, &f.heading)?;
    }
    for (c, width) in WIDTHS.iter().enumerate() {
        sheet.set_column_width(c as u16, *width)?;
    }
    sheet.set_freeze_panes(HEAD + 1, 0)?;
    // Printed across the page, the headings on every page.
    sheet.set_landscape();
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_repeat_rows(HEAD, HEAD)?;
    for (i, r) in rows.iter().enumerate() {
        write_row(sheet, HEAD + 1 + i as u32, r, &f)?;
    }
    book.save_to_buffer()
}

/// One row of the logframe, its height set to its text.
fn write_row(sheet: &mut Worksheet, y: u32, r: &Row, f: &Formats) -> Result<(), XlsxError> {
    let texts = cells(r);
    let columns: [Option<&[Part]>; 8] = [
        None,
        None,
        None,
        Some(&r.indicators),
        Some(&r.baseline),
        Some(&r.target),
        Some(&r.means),
        None,
    ];
    for (c, (text, parts)) in texts.iter().zip(columns).enumerate() {
        let c = c as u16;
        match parts {
            Some(p) if p.iter().any(|(_, mine)| !mine) => write_parts(sheet, y, c, text, p, f)?,
            _ => {
                sheet.write_string_with_format(y, c, text, &f.wrap)?;
            }
        }
    }
    // Spreadsheets do not all grow a row to its wrapped text on opening
    // (LibreOffice keeps the default height): the height is set here.
    sheet.set_row_height(y, row_height(&texts))?;
    Ok(())
}

/// A cell with some of the model's suggestions: grey where they are, black
/// where the user wrote.
fn write_parts(
    sheet: &mut Worksheet,
    y: u32,
    c: u16,
    text: &str,
    parts: &[Part],
    f: &Formats,
) -> Result<(), XlsxError> {
    let pieces: Vec<(&Format, String)> = parts
        .iter()
        .enumerate()
        .map(|(i, (words, mine))| {
            let end = if i + 1 < parts.len() { "\n" } else { "" };
            let font = if *mine {
                &f.mine_font
            } else {
                &f.suggested_font
            };
            (font, format!("{words}{end}"))
        })
        .filter(|(_, words)| !words.is_empty())
        .collect();
    if pieces.len() > 1 {
        let pieces: Vec<(&Format, &str)> = pieces.iter().map(|(f, w)| (*f, w.as_str())).collect();
        sheet.write_rich_string_with_format(y, c, &pieces, &f.wrap)?;
    } else {
        sheet.write_string_with_format(y, c, text, &f.suggested)?;
    }
    Ok(())
}

/// A row's height in points: its tallest cell, wrapped at its column's
/// width (a little generous, as proportional text is narrower than the
/// width's characters), up to the largest height a spreadsheet allows.
fn row_height(texts: &[String; 8]) -> f64 {
    let lines = texts
        .iter()
        .zip(WIDTHS)
        .map(|(text, width)| {
            text.split('\n')
                .map(|p| (p.chars().count() as f64 / (width * 1.1)).ceil().max(1.0))
                .sum::<f64>()
        })
        .fold(1.0, f64::max);
    (lines * 13.0 + 4.0).min(409.0)
}
