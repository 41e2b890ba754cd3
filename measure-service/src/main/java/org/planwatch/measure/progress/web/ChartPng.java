package org.planwatch.measure.progress.web;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import org.apache.batik.transcoder.TranscoderException;
import org.apache.batik.transcoder.TranscoderInput;
import org.apache.batik.transcoder.TranscoderOutput;
import org.apache.batik.transcoder.image.PNGTranscoder;

/**
 * The progress chart drawn as PNG from its SVG by Apache Batik, at twice the size so it stays sharp on a
 * high-density screen, for the places that show no SVG (many email clients, office documents).
 */
final class ChartPng {

    private static final float SCALE = 2;

    private ChartPng() {
    }

    static byte[] of(String svg, int width) {
        PNGTranscoder png = new PNGTranscoder();
        png.addTranscodingHint(PNGTranscoder.KEY_WIDTH, width * SCALE);
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
        try {
            png.transcode(new TranscoderInput(new StringReader(svg)), new TranscoderOutput(out));
        } catch (TranscoderException e) {
            throw new IllegalStateException("the chart's SVG could not be drawn as PNG", e);
        }
        return out.toByteArray();
    }
}
