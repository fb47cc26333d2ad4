import { lowReportingSignal } from './reporting-figures';

describe("HINQ's low-reporting signal", () => {
  it('flags a quarter in which nothing was reported and no alert was judged', () => {
    expect(lowReportingSignal({ reported: 0, detectionAlerts: 0, dismissedAlerts: 0 })).toBe(true);
  });

  it('a report, by a person or raised by the detection, shows the organisation notices', () => {
    expect(lowReportingSignal({ reported: 1, detectionAlerts: 0, dismissedAlerts: 0 })).toBe(false);
    expect(lowReportingSignal({ reported: 1, detectionAlerts: 1, dismissedAlerts: 0 })).toBe(false);
  });

  it('an alert dismissed with a reason counts as a signal too, also when its incident fell in an earlier quarter', () => {
    expect(lowReportingSignal({ reported: 0, detectionAlerts: 0, dismissedAlerts: 1 })).toBe(false);
  });
});
