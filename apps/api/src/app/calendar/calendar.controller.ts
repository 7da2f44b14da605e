import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { deskCalendar, DeskDay, startOfTokyoDay } from '@madoguchi/rules';
import { Public } from '../auth/auth.decorators';
import { ValidationProblem } from '../common/problems';
import { deskCalendarSettings, type Settings } from '../config/config';
import { SETTINGS } from '../config/settings.token';
import { CalendarQueryDto } from './calendar.dto';
import { ApiAnswer, ApiStable } from '../common/openapi/openapi';

const MAX_DAYS = 400;

@ApiTags('public')
@Controller('calendar')
export class CalendarController {
  constructor(@Inject(SETTINGS) private readonly settings: Settings) {}

  /** Public: citizens look up the desk's days and hours before they come. */
  @Public()
  @ApiStable('public')
  @ApiOperation({
    summary: "The desk's days and opening hours for a range of Tokyo days (no sign-in)",
    description: 'Closed days say why (weekend, national holiday with its name, year end, outside the programme).',
  })
  @ApiAnswer(['DeskDay'], {
    description: 'One entry per day of the range, at most 400.',
    example: [
      { date: '2020-09-18', open: true, hours: [{ from: '08:30', to: '17:00' }] },
      { date: '2020-09-21', open: false, hours: [], closedReason: 'holiday', holidayName: '敬老の日' },
    ],
  })
  @Get()
  calendar(@Query() query: CalendarQueryDto): DeskDay[] {
    const days = startOfTokyoDay(query.to).diff(startOfTokyoDay(query.from), 'days').days + 1;
    if (days < 1) {
      throw new ValidationProblem([
        { field: 'to', message: { ja: 'to は from 以降の日付にしてください。', en: 'to must not be before from.' } },
      ]);
    }
    if (days > MAX_DAYS) {
      throw new ValidationProblem([
        {
          field: 'to',
          message: {
            ja: `期間は ${MAX_DAYS} 日以内にしてください。`,
            en: `The range may span at most ${MAX_DAYS} days.`,
          },
        },
      ]);
    }
    return deskCalendar(query.from, query.to, deskCalendarSettings(this.settings));
  }
}
