import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { DeskSettings } from '@madoguchi/contracts';
import type { Settings } from '../config/config';
import { SETTINGS } from '../config/settings.token';

@ApiTags('desk')
@ApiBearerAuth()
@Controller('desk')
export class DeskController {
  constructor(@Inject(SETTINGS) private readonly settings: Settings) {}

  /** Settings the screens follow, such as the waiting-time target the board marks. */
  @Get()
  desk(): DeskSettings {
    return { waitTargetMinutes: this.settings.WAIT_TARGET_MINUTES };
  }
}
