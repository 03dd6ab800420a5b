import ArgumentParser
import Render

@main
struct Kernelbook: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kernelbook",
        abstract: "Turns Markdown lesson notes into verified, executable notebooks and a static site.")
}
