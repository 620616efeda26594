using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WhatsApp.Domain.Contacts;

namespace WhatsApp.Infrastructure.Persistence.Configurations;

internal sealed class ConversationActivityConfiguration : IEntityTypeConfiguration<ConversationActivity>
{
    public void Configure(EntityTypeBuilder<ConversationActivity> builder)
    {
        builder.ToTable("ConversationActivities");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Contact).HasMaxLength(20);
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.Actor).HasMaxLength(256);
        builder.Property(a => a.Text).HasMaxLength(ConversationActivity.NoteMaxLength);

        // A thread reads its contact's activity in time order, as it reads its messages.
        builder.HasIndex(a => new { a.Contact, a.Id });
    }
}

internal sealed class ConversationReadConfiguration : IEntityTypeConfiguration<ConversationRead>
{
    public void Configure(EntityTypeBuilder<ConversationRead> builder)
    {
        builder.ToTable("ConversationReads");
        builder.HasKey(r => new { r.User, r.Contact });
        builder.Property(r => r.User).HasMaxLength(256);
        builder.Property(r => r.Contact).HasMaxLength(20);
    }
}
