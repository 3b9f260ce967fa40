import ArgumentParser

@main
struct WuyeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wuye",
        abstract: "物业 Wuye: the platform on which a city runs residential property management.",
        subcommands: [ServeCommand.self, MigrateCommand.self, BackupCommand.self, RestoreCommand.self, ImportCommand.self, DemoCommand.self, AccountCommand.self,
                      AuditCommand.self, AssemblyCommand.self, Open311Command.self, CalendarCommand.self, FeesCommand.self, BenchCommand.self])
}
