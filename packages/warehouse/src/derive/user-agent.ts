import Bowser from 'bowser';

export interface UserAgentClass {
  browser: string;
  device: 'desktop' | 'mobile' | 'tablet' | 'tv' | 'bot' | 'unknown';
}

const BOT = /bot|crawler|spider|headless|curl|wget|python-requests/i;

/** Browser name and device class of a user agent, via bowser; bots and empty agents named so. */
export function classifyUserAgent(userAgent: string | null): UserAgentClass {
  if (!userAgent) return { browser: '(unknown)', device: 'unknown' };
  if (BOT.test(userAgent))
    return { browser: Bowser.getParser(userAgent).getBrowserName() || '(bot)', device: 'bot' };
  const parser = Bowser.getParser(userAgent);
  const platform = parser.getPlatformType(true);
  const device =
    (['desktop', 'mobile', 'tablet', 'tv'] as const).find((d) => d === platform) ?? 'unknown';
  return { browser: parser.getBrowserName() || '(unknown)', device };
}
