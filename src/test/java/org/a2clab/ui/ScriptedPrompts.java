package org.a2clab.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.a2clab.ui.export.ExportChoice;
import org.a2clab.ui.export.ModelPrompts;
import org.a2clab.ui.inspector.EpisodePrompts;

/**
 * The window tests' user at the file and question dialogs (the model's and the Inspector's
 * exports): every file prompt answers with
 * {@link #path}, confirmations with {@link #confirm}, the best-or-current question with
 * {@link #choice}; every question asked is recorded.
 */
final class ScriptedPrompts implements ModelPrompts, EpisodePrompts {
    final AtomicReference<Path> path = new AtomicReference<>();
    final AtomicReference<ExportChoice> choice = new AtomicReference<>(ExportChoice.CURRENT);
    final AtomicBoolean confirm = new AtomicBoolean(true);
    /** The header of each confirmation asked, in order. */
    final List<String> confirmHeaders = new CopyOnWriteArrayList<>();
    /** The best-or-current question as "best | current", each time it was asked. */
    final List<String> choicesOffered = new CopyOnWriteArrayList<>();
    /** Both kinds in order: confirmations as "header | question", choices as "best | current". */
    final List<String> questions = new CopyOnWriteArrayList<>();

    @Override
    public Optional<Path> exportDirectory() {
        return Optional.ofNullable(path.get());
    }

    @Override
    public Optional<Path> exportZip() {
        return Optional.ofNullable(path.get());
    }

    @Override
    public Optional<Path> exportOnnx() {
        return Optional.ofNullable(path.get());
    }

    @Override
    public Optional<Path> modelToOpen() {
        return Optional.ofNullable(path.get());
    }

    @Override
    public Optional<Path> modelZipToOpen() {
        return Optional.ofNullable(path.get());
    }

    @Override
    public Optional<ExportChoice> exportChoice(String best, String current) {
        choicesOffered.add(best + " | " + current);
        questions.add(best + " | " + current);
        return Optional.ofNullable(choice.get());
    }

    @Override
    public boolean confirm(String header, String question, String action) {
        confirmHeaders.add(header);
        questions.add(header + " | " + question);
        return confirm.get();
    }

    @Override
    public Optional<Path> csvFile() {
        return Optional.ofNullable(path.get());
    }

    @Override
    public Optional<Path> framesFolder() {
        return Optional.ofNullable(path.get());
    }

    @Override
    public Optional<Path> gifFile() {
        return Optional.ofNullable(path.get());
    }
}
