package org.a2clab;

import org.a2clab.agent.DjlRuntime;
import org.a2clab.cli.Cli;
import org.a2clab.ui.A2cLabApp;

/**
 * Entry point. No arguments: the desktop app. Arguments: a headless command. (A plain class,
 * not an Application subclass, so JavaFX on the class path starts without module flags.)
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        DjlRuntime.configure();
        if (args.length == 0) {
            A2cLabApp.launchApp(args);
        } else {
            System.exit(Cli.run(args, System.out, System.err));
        }
    }
}
