use super::*;
use proptest::prelude::*;
use resvg::tiny_skia::Pixmap;

/// A `width` × `height` pixmap whose pixels are `colours` (RGBA, premultiplied) in turn.
fn pixmap(width: u32, height: u32, colour_of: impl Fn(usize) -> [u8; 4]) -> Pixmap {
    let mut pixmap = Pixmap::new(width, height).unwrap();
    for (i, px) in pixmap.data_mut().chunks_exact_mut(4).enumerate() {
        px.copy_from_slice(&colour_of(i));
    }
    pixmap
}

/// The file's colour type and its pixels as straight RGBA.
fn decoded(file: &[u8]) -> (png::ColorType, Vec<u8>) {
    let mut decoder = png::Decoder::new(std::io::Cursor::new(file));
    decoder.set_transformations(png::Transformations::EXPAND | png::Transformations::ALPHA);
    let mut reader = decoder.read_info().unwrap();
    let colour = reader.info().color_type;
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let frame = reader.next_frame(&mut buf).unwrap();
    buf.truncate(frame.buffer_size());
    (colour, buf)
}

#[test]
fn an_opaque_image_of_few_colours_is_indexed_and_keeps_every_pixel() {
    let image = pixmap(40, 30, |i| match i % 7 {
        0 => [255, 255, 255, 255],
        1..=3 => [30, 60, 90, 255],
        _ => [200, 10, (i % 3) as u8, 255],
    });
    let (colour, pixels) = decoded(&encode(&image).unwrap());
    assert_eq!(colour, png::ColorType::Indexed);
    assert_eq!(pixels, image.data());
}

#[test]
fn the_palette_lists_colours_in_the_order_they_first_appear() {
    let image = pixmap(3, 1, |i| {
        [[9, 9, 9, 255], [1, 2, 3, 255], [9, 9, 9, 255]][i]
    });
    let indexed = Indexed::of(image.data()).unwrap();
    assert_eq!(indexed.palette, [9, 9, 9, 1, 2, 3]);
    assert_eq!(indexed.indices, [0, 1, 0]);
}

#[test]
fn more_than_256_colours_or_any_transparency_is_written_as_rgba() {
    let many = pixmap(20, 20, |i| [(i % 256) as u8, (i / 256) as u8, 0, 255]);
    assert!(Indexed::of(many.data()).is_none());
    let (colour, pixels) = decoded(&encode(&many).unwrap());
    assert_eq!(colour, png::ColorType::Rgba);
    assert_eq!(pixels, many.data());

    let exactly_256 = pixmap(16, 16, |i| [i as u8, 0, 0, 255]);
    assert_eq!(
        Indexed::of(exactly_256.data()).unwrap().palette.len(),
        256 * 3
    );

    let clear = pixmap(4, 4, |i| if i == 5 { [0, 0, 0, 0] } else { [255; 4] });
    assert!(Indexed::of(clear.data()).is_none());
    let (colour, pixels) = decoded(&encode(&clear).unwrap());
    assert_eq!(colour, png::ColorType::Rgba);
    assert_eq!(pixels, clear.data());
}

proptest! {
    #![proptest_config(crate::test_support::proptest_cases(64))]

    /// Whatever the colours and their number, the file decodes to the drawn pixels.
    #[test]
    fn any_opaque_image_decodes_to_its_pixels(
        palette in proptest::collection::vec(any::<[u8; 3]>(), 1..300),
        picks in proptest::collection::vec(any::<u16>(), 1..600),
    ) {
        let width = 24u32;
        let height = (picks.len() as u32).div_ceil(width);
        let image = pixmap(width, height, |i| {
            let [r, g, b] = palette[picks.get(i).copied().unwrap_or(0) as usize % palette.len()];
            [r, g, b, 255]
        });
        let (_, pixels) = decoded(&encode(&image).unwrap());
        prop_assert_eq!(pixels, image.data());
    }
}
