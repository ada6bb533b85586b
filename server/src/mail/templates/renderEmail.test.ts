import { describe, expect, it } from 'vitest';
import { renderEmail } from './renderEmail.ts';

describe('renderEmail', () => {
  const message = renderEmail({
    kind: 'invitation',
    to: 'someone@example.org',
    subject: 'Join <Kinship & care>',
    intro: ['Hello "there"'],
    action: { label: 'Join now', url: 'https://cop.example.gov.uk/invitations/abc?x=1&y=2' },
  });

  it('gives the same words as plain text, with the link in full', () => {
    expect(message.text).toContain('Hello "there"');
    expect(message.text).toContain('Join now:\nhttps://cop.example.gov.uk/invitations/abc?x=1&y=2');
  });

  it('escapes everything in the HTML and gives it a language, a title and one heading', () => {
    expect(message.html).toContain('<html lang="en-GB">');
    expect(message.html).toContain('<title>Join &#60;Kinship &#38; care&#62;</title>');
    expect(message.html).toContain('Hello &#34;there&#34;');
    expect(message.html).toContain('href="https://cop.example.gov.uk/invitations/abc?x=1&#38;y=2"');
    expect(message.html.match(/<h1/g)).toHaveLength(1);
    expect(message.html).not.toContain('<Kinship');
  });

  it('ends an optional email with its unsubscribe link, in both versions, and passes it on for List-Unsubscribe', () => {
    const unsubscribe = {
      url: 'https://cop.example.gov.uk/unsubscribe/abc.mention.sig',
      oneClickUrl: 'https://cop.example.gov.uk/api/unsubscribe/abc.mention.sig',
    };
    const optional = renderEmail({
      kind: 'mention',
      to: 'someone@example.org',
      subject: 'Mentioned',
      intro: ['Hello'],
      unsubscribe: { ...unsubscribe, what: 'emails when someone mentions you' },
    });
    expect(optional.text).toContain(
      `Stop emails when someone mentions you (no need to sign in):\n${unsubscribe.url}`,
    );
    expect(optional.html).toContain(
      `<a href="${unsubscribe.url}" style="color:#1d70b8">Stop emails when someone mentions you</a>`,
    );
    expect(optional.unsubscribe).toEqual(unsubscribe);
    expect(message.unsubscribe).toBeUndefined();
    expect(message.text).not.toContain('Stop');
  });
});
