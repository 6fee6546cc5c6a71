using MaximoOffline.Emulator;

namespace MaximoOffline.Cli.Tests;

/// <summary><c>doctor</c> against a Maximo whose credentials are distinctive, so that any leak of them is visible.</summary>
public sealed class DoctorSecretTests(DoctorSecretTests.Server maximo) : IClassFixture<DoctorSecretTests.Server>
{
    public sealed class Server : DoctorFixture
    {
        public const string Password = "Pl4nner-doctor-5512";
        public const string Key = "key-7d2e41-doctor-secret";

        protected override void Configure(EmulatorOptions options)
        {
            options.Username = "planner";
            options.Password = Password;
            options.ApiKey = Key;
        }
    }

    [Fact]
    public async Task TheReportNeverContainsTheApiKeyOrThePasswordWhetherTheyWorkOrNot()
    {
        Dictionary<string, string> Login(string password)
        {
            var settings = maximo.Settings(("Maximo__AuthMode", "MaxAuth"), ("Maximo__Username", "planner"), ("Maximo__Password", password));
            settings.Remove("Maximo__ApiKey");
            return settings;
        }

        var cases = new (string Name, Dictionary<string, string> Settings, bool Works, string Expected)[]
        {
            ("api key", maximo.Settings(), true, "The API key was accepted"),
            ("wrong api key", maximo.Settings(("Maximo__ApiKey", Server.Key + "-old")), false, "BMXAA9549E"),
            ("password", Login(Server.Password), true, "Logged in as planner"),
            ("wrong password", Login(Server.Password + "-old"), false, "BMXAA0021E"),
        };

        var runs = await Task.WhenAll(cases.Select(async c => (c, Json: await maximo.RunAsync(c.Settings, "doctor", "--json"), Tables: await maximo.RunAsync(c.Settings, "doctor"))));

        foreach (var (c, json, tables) in runs)
        {
            Assert.True(json.ExitCode == (c.Works ? 0 : 1), $"{c.Name}: {json}");
            Assert.True(tables.ExitCode == json.ExitCode, $"{c.Name}: {tables}");
            Assert.Contains(c.Expected, json.Stdout, StringComparison.Ordinal);
            foreach (var output in new[] { json.Output, tables.Output })
            {
                Assert.DoesNotContain(Server.Key, output, StringComparison.Ordinal);
                Assert.DoesNotContain(Server.Password, output, StringComparison.Ordinal);
            }
        }
    }
}
