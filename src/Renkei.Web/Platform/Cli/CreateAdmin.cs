using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Renkei.Web.Features.Accounts;
using Renkei.Web.Features.Demo;
using Renkei.Web.Features.Organisations;
using Renkei.Web.Platform.Data;

namespace Renkei.Web.Platform.Cli;

/// <summary>
/// `create-admin &lt;user&gt; &lt;prefecture code&gt;`: the first system administrator of an installation
/// without the demo. The account belongs to the prefecture's organisation (created if missing) and
/// must set up two-factor sign-in at first sign-in, like every admin.
/// </summary>
public static class CreateAdmin
{
    public static async Task<int> RunAsync(IServiceProvider root, string[] arguments, CliConsole io)
    {
        if (arguments.Length != 2)
        {
            await io.Error.WriteLineAsync("create-admin: ユーザー名と都道府県コード（2桁）を指定してください。例: create-admin admin 31");
            return 2;
        }
        await using var scope = root.CreateAsyncScope();
        await RenkeiStartup.PrepareDatabaseAsync(scope.ServiceProvider);
        var db = scope.ServiceProvider.GetRequiredService<RenkeiDb>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var (userName, prefCode) = (arguments[0], arguments[1]);
        if (await db.Prefectures.SingleOrDefaultAsync(p => p.Code == prefCode) is not { } pref)
        {
            await io.Error.WriteLineAsync($"create-admin: 都道府県コード「{prefCode}」はありません（01〜47。先に migrate を実行してください）。");
            return 2;
        }
        var org = await db.Organisations.FirstOrDefaultAsync(o => o.Kind == OrganisationKind.Prefecture && o.PrefectureCode == prefCode && !o.IsDemo)
            ?? db.Organisations.Add(new Organisation { Kind = OrganisationKind.Prefecture, Name = pref.Name, PrefectureCode = prefCode }).Entity;
        await db.SaveChangesAsync();
        var password = DemoSeeder.RandomPassword();
        var user = new AppUser { UserName = userName, DisplayName = userName, OrganisationId = org.Id };
        var created = await users.CreateAsync(user, password);
        if (created.Succeeded) created = await users.AddToRoleAsync(user, Roles.SystemAdmin);
        if (!created.Succeeded)
        {
            await io.Error.WriteLineAsync("create-admin: " + string.Join(" ", created.Errors.Select(e => e.Description)));
            return 1;
        }
        io.Out.WriteLine($"create-admin: システム管理者 {userName}（{org.Name}）を作成しました。パスワード: {password}");
        io.Out.WriteLine("初回サインイン時に二要素認証（認証アプリ）の設定が必要です。パスワードはこの一度だけ表示されます。");
        return 0;
    }
}
