package org.planwatch.measure.progress;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import org.apache.batik.transcoder.TranscoderException;
import org.apache.batik.transcoder.TranscoderInput;
import org.apache.batik.transcoder.TranscoderOutput;
import org.apache.batik.transcoder.image.PNGTranscoder;

/**
 * The progress chart drawn as PNG from its SVG by Apache Batik, for the places that show no SVG (many email clients,
 * office documents): {@code scale} 2 stays sharp on a high-density screen, 1 keeps an email small.
 */
public final class ChartPng {

    private ChartPng() {
    }

    public static byte[] of(String svg, float scale) {
        PNGTranscoder png = new PNGTranscoder();
        png.addTranscodingHint(PNGTranscoder.KEY_WIDTH, ProgressChart.WIDTH * scale);
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
        try {
            png.transcode(new TranscoderInput(new StringReader(svg)), new TranscoderOutput(out));
        } catch (TranscoderException e) {
            throw new IllegalStateException("the chart's SVG could not be drawn as PNG", e);
        }
        return out.toByteArray();
    }
}
