package org.trustml.modelcard.report;

import java.util.List;
import java.util.Optional;
import org.trustml.core.report.HtmlWriter;
import org.trustml.core.report.ReportInput;
import org.trustml.core.report.ReportSection;
import org.trustml.core.report.ReportSectionProvider;
import org.trustml.modelcard.CardRenderer;
import org.trustml.modelcard.ModelCard;

/**
 * The report's {@code model-card} section (order 800), registered in this module's
 * {@code META-INF/services/org.trustml.core.report.ReportSectionProvider}: the {@link ModelCard} attached to the
 * report, as {@link CardRenderer#html(ModelCard)} renders it, embedded as its own document in a sandboxed
 * {@code <iframe srcdoc>} (escaped once into the attribute, so the card's own escaping survives inside the
 * frame and its styles stay its own). Without a card it says that none was given.
 */
public final class ModelCardSection implements ReportSection, ReportSectionProvider {
    @Override
    public List<ReportSection> sections() {
        return List.of(this);
    }

    @Override
    public String id() {
        return "model-card";
    }

    @Override
    public String title() {
        return "Model card";
    }

    @Override
    public int order() {
        return 800;
    }

    @Override
    public void render(ReportInput input, HtmlWriter out) {
        Optional<ModelCard> card = input.attachment(ModelCard.class);
        if (card.isPresent()) {
            out.open("iframe", "title", "Model card", "sandbox", "", "srcdoc", CardRenderer.html(card.get()))
                    .close("iframe").newline();
        } else {
            out.element("p", "No model card was given.", "class", "missing").newline();
        }
    }
}
